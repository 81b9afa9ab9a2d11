package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"knead/screening"
)

// Result: stop or urgent, and no way on.

func (m *Model) updateResult(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && (key.Matches(k, m.keys.Quit) || key.Matches(k, m.keys.Confirm)) {
		return tea.Quit
	}
	return nil
}

func (m *Model) viewResult() string {
	c := m.clearance
	w := m.textWidth()
	var b strings.Builder
	head := "STOP: no massage today"
	style := m.st.danger
	if c.Level == screening.Urgent {
		head = "URGENT: see a doctor now"
	}
	b.WriteString(style.Render(head) + "\n\n")
	for _, r := range c.Reasons {
		if r.Level != screening.Stop && r.Level != screening.Urgent {
			continue
		}
		b.WriteString(wrap("• "+r.Label+": "+r.Explanation, w) + "\n")
		b.WriteString(m.st.subtle.Render(wrap("  Source: "+strings.Join(r.Sources.Titles(), "; "), w)) + "\n")
	}
	for _, a := range c.Advice {
		b.WriteString(wrap("• "+a, w) + "\n")
	}
	b.WriteString("\n" + wrap(c.NextStep(), w) + "\n\n")
	b.WriteString(m.st.help.Render("q or enter: close knead (this result stays on the terminal)"))
	return b.String()
}
