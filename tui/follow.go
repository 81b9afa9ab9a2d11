package tui

import (
	"errors"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"knead/guide"
)

// follow shows the screen of the flow's stage. The history is a screen of
// the app's own, opened over any other.
func (m *Model) follow() {
	want := map[guide.Stage]screen{
		guide.Who: screenWelcome, guide.Settled: screenSettled, guide.Screening: screenScreening,
		guide.Result: screenResult, guide.Picker: screenPicker, guide.Session: screenSession, guide.Summary: screenSummary,
	}[m.flow.Stage()]
	if m.flow.Stage() == guide.Ended || (want == m.screen && m.screen != screenScreening) || m.screen == screenHistory {
		return
	}
	if want == screenScreening && m.form != nil && m.form.walk == m.flow.Walk() {
		return
	}
	m.setScreen(want)
	switch want {
	case screenScreening:
		// The welcome screen showed the disclaimer, unless it was skipped.
		m.form = newWalkForm(m.flow.Walk(), m.opts.Mode != "")
	case screenPicker:
		m.pickerCursor = m.firstAllowed()
	}
}

// do applies an action and turns what the flow says into side effects.
func (m *Model) do(a guide.Action) tea.Cmd {
	r, err := m.flow.Do(a)
	return m.after(r, err)
}

// after shows an action's reply: the words of its latest cue or note, the
// bell, the next screen, the next tick, and the end of the app.
func (m *Model) after(r guide.Reply, err error) tea.Cmd {
	var cmds []tea.Cmd
	flash := ""
	for _, c := range r.Cues {
		if text := cueWords(c, m.flow.Partner()); text != "" {
			flash = text
		}
	}
	cmds = append(cmds, m.ring(guide.Bells(r.Cues)))
	m.noteBanner(r.Cues, r.Note)
	// A rating is always acknowledged, also when it starts the next step.
	switch {
	case r.Note != "" && flash != "":
		m.flash = strings.TrimSuffix(r.Note, ".") + " · " + flash
	case r.Note != "":
		m.flash = r.Note
	case flash != "":
		m.flash = flash
	}
	if news := m.flow.SavingNews(); news != "" {
		m.flash = news
	}
	if err != nil && !errors.Is(err, guide.ErrNotNow) {
		m.notice = err.Error()
	}
	before := m.screen
	m.follow()
	if m.flow.Stage() == guide.Ended {
		m.ExitCode = m.flow.Exit()
		return tea.Batch(append(cmds, tea.Quit)...)
	}
	if m.screen == screenResult && before != screenResult {
		cmds = append(cmds, m.ring(1))
	}
	cmds = append(cmds, m.scheduleTick())
	return tea.Batch(cmds...)
}

// failure is an error of the flow that the app cannot go on from.
func (m *Model) failure(err error) tea.Cmd {
	m.Err = fmt.Errorf("the guided flow failed: %w", err)
	return tea.Quit
}
