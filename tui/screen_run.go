package tui

import (
	"errors"
	"io"

	tea "charm.land/bubbletea/v2"

	"knead/plain"
	"knead/screening"
)

// ErrScreeningCancelled says the user left the questionnaire before the
// end with q; no clearance was given.
var ErrScreeningCancelled = plain.ErrScreeningCancelled

// ErrScreeningInterrupted says the user pressed Ctrl-C in the
// questionnaire; no clearance was given.
var ErrScreeningInterrupted = errors.New("screening interrupted; no clearance was given")

// Interrupted is ErrScreeningInterrupted with the exit status to end on:
// 130 after Ctrl-C, 129 after a closed terminal, 143 after a kill.
type Interrupted struct{ Status int }

func (e Interrupted) Error() string { return ErrScreeningInterrupted.Error() }

// Unwrap makes errors.Is(err, ErrScreeningInterrupted) hold.
func (e Interrupted) Unwrap() error { return ErrScreeningInterrupted }

// formModel runs the screening form alone, for knead screen.
type formModel struct {
	form          *screeningForm
	look          look
	st            styles
	width, height int
	done          bool
	interrupted   int // the exit status after Ctrl-C or a signal, 0 before
}

func (m *formModel) Init() tea.Cmd { return tea.RequestBackgroundColor }

func (m *formModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
	case tea.BackgroundColorMsg, tea.ColorProfileMsg:
		m.look.notice(msg)
		m.st = m.look.styles()
	case signalMsg:
		m.interrupted = msg.status
		return m, tea.Quit
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+c" {
			m.interrupted = 130
			return m, tea.Quit
		}
		switch m.form.update(msg) {
		case formDone:
			m.done = true
			return m, tea.Quit
		case formQuit:
			return m, tea.Quit
		}
	}
	return m, nil
}

func (m *formModel) View() tea.View {
	w, h := m.width, m.height
	if w <= 0 || h <= 0 {
		w, h = 80, 24
	}
	v := tea.NewView(fit(m.form.view(m.st, w, h), w, h))
	v.AltScreen = true
	v.WindowTitle = "knead screening"
	return v
}

// AskScreening runs the questionnaire full screen on the terminal behind in
// and out, and returns the walk with its answers. With an empty mode it
// asks who is massaged first; remembered, when not nil, looks up what is
// remembered about that person.
func AskScreening(q *screening.Questionnaire, mode screening.Mode, name string, remembered Remembered, in io.Reader, out io.Writer) (*screening.Walk, error) {
	m := &formModel{form: newScreeningForm(q, mode, name, remembered, true), look: defaultLook(), st: defaultLook().styles()}
	final, signalled, err := runProgram(m, in, out)
	if signalled != 0 {
		return nil, Interrupted{Status: signalled}
	}
	if err != nil && !errors.Is(err, tea.ErrInterrupted) {
		return nil, err
	}
	fm, ok := final.(*formModel)
	switch {
	case !ok || errors.Is(err, tea.ErrInterrupted):
		return nil, Interrupted{Status: 130}
	case fm.interrupted != 0:
		return nil, Interrupted{Status: fm.interrupted}
	case !fm.done:
		return nil, ErrScreeningCancelled
	}
	return m.form.walk, nil
}
