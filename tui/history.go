package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"knead/guide"
	"knead/journal"
	"knead/routines"
)

// historyMsg brings the history, drawn as text lines.
type historyMsg struct {
	lines []string
	err   error
}

// openHistory loads the history in a command and shows it; esc comes back
// to the screen it was opened from.
func (m *Model) openHistory() tea.Cmd {
	m.historyFrom, m.historyOffset, m.historyLines = m.screen, 0, nil
	width, _ := m.size()
	m.setScreen(screenHistory)
	store := m.opts.Journal
	switch {
	case store == nil && m.opts.JournalProblem != "":
		m.historyLines = []string{"The history is not available: " + m.opts.JournalProblem}
		return nil
	case store == nil:
		m.historyLines = []string{"A rehearsal does not open the history; see it with: knead history"}
		return nil
	}
	return func() tea.Msg {
		sessions, err := store.Sessions(journal.Filter{})
		if err != nil {
			return historyMsg{err: err}
		}
		if len(sessions) == 0 {
			return historyMsg{lines: []string{"No sessions recorded yet."}}
		}
		var b strings.Builder
		store.WriteOverview(&b, sessions, time.Now(), width)
		return historyMsg{lines: strings.Split(strings.TrimRight(b.String(), "\n"), "\n")}
	}
}

// reportMsg says which reports r wrote, or why it could not.
type reportMsg struct {
	paths []string
	err   error
}

// writeReport writes the doctor's report of the person of this run, or of
// each person in the history, into the current folder.
func (m *Model) writeReport() tea.Cmd {
	store := m.opts.Journal
	if store == nil {
		return nil
	}
	person := m.flow.ReportPerson()
	return func() tea.Msg {
		paths, err := guide.WriteReports(store, m.opts.Questions, m.opts.Library, person, ".", time.Now())
		return reportMsg{paths: paths, err: err}
	}
}

func (m *Model) updateHistory(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case reportMsg:
		var news []string
		for _, p := range msg.paths {
			news = append(news, "Report for a doctor written: "+routines.Clean(p))
		}
		if msg.err != nil {
			news = append(news, "The report could not be written: "+routines.Clean(msg.err.Error()))
		}
		m.historyLines = append(news, append([]string{""}, m.historyLines...)...)
		m.historyOffset = 0
	case historyMsg:
		if msg.err != nil {
			m.historyLines = []string{"The history could not be read: " + msg.err.Error()}
		} else {
			m.historyLines = msg.lines
		}
	case tea.KeyPressMsg:
		_, h := m.size()
		page := max(h-3, 1)
		switch {
		case key.Matches(msg, m.keys.Up):
			m.historyOffset--
		case key.Matches(msg, m.keys.Down):
			m.historyOffset++
		case msg.String() == "pgup":
			m.historyOffset -= page
		case msg.String() == "pgdown", msg.String() == "space":
			m.historyOffset += page
		case msg.String() == "esc", key.Matches(msg, m.keys.Quit), key.Matches(msg, m.keys.History):
			m.setScreen(m.historyFrom)
		case msg.String() == "r":
			return m.writeReport()
		}
		m.historyOffset = max(min(m.historyOffset, len(m.historyLines)-page), 0)
	}
	return nil
}

func (m *Model) viewHistory() string {
	w, h := m.size()
	page := max(h-3, 1)
	var b strings.Builder
	b.WriteString(m.st.title.Render("History") + "\n\n")
	end := min(m.historyOffset+page, len(m.historyLines))
	for _, l := range m.historyLines[min(m.historyOffset, end):end] {
		// A cut line says so.
		b.WriteString(ansi.Truncate(l, w, "…") + "\n")
	}
	keys := "↑/↓ pgup/pgdn scroll · esc back · ? keys"
	if m.opts.Journal != nil {
		keys = "↑/↓ pgup/pgdn scroll · r: write a report · esc back · ? keys"
	}
	b.WriteString(m.st.help.Render(keys))
	return b.String()
}
