package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"knead/guide"
	"knead/routines"
	"knead/screening"
)

// Picker: allowed routines, locked ones with the reason.

func (m *Model) firstAllowed() int {
	for i, r := range m.opts.Library.All() {
		if ok, _ := m.flow.Clearance().Allows(r); ok {
			return i
		}
	}
	return -1
}

func (m *Model) updatePicker(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	all := m.opts.Library.All()
	move := func(dir int) {
		for i := m.pickerCursor + dir; i >= 0 && i < len(all); i += dir {
			if ok, _ := m.flow.Clearance().Allows(all[i]); ok {
				m.pickerCursor = i
				return
			}
		}
	}
	switch {
	case key.Matches(k, m.keys.Quit):
		return m.do(guide.Act(guide.Quit))
	case key.Matches(k, m.keys.Up):
		move(-1)
	case key.Matches(k, m.keys.Down):
		move(1)
	case key.Matches(k, m.keys.Confirm):
		if m.pickerCursor >= 0 {
			return m.do(guide.Action{Kind: guide.ChooseRoutine, Routine: all[m.pickerCursor]})
		}
	}
	return nil
}

func (m *Model) viewPicker() string {
	w := m.textWidth()
	var b strings.Builder
	b.WriteString(m.st.title.Render("Choose a routine") + "  ")
	c := m.flow.Clearance()
	switch c.Level {
	case screening.Gentle:
		b.WriteString(m.st.warn.Render("gentle routines only") + "\n")
	default:
		b.WriteString(m.st.ok.Render("screening: clear") + "\n")
	}
	if locks := c.LowerBackLocks(); len(locks) > 0 {
		b.WriteString(m.st.warn.Render(wrap("The lower back is not massaged today ("+strings.Join(locks, ", ")+").", w)) + "\n")
	}
	for _, a := range c.Advice {
		b.WriteString(wrap("• "+a, w) + "\n")
	}
	for _, n := range []string{m.flow.Notice(), m.notice} {
		if n != "" {
			b.WriteString(m.st.warn.Render(wrap(n, w)) + "\n")
		}
	}
	b.WriteString("\n")
	for i, r := range m.opts.Library.All() {
		line := fmt.Sprintf("%-16s %-30s %-12s %s", r.ID, r.Title, routines.HumanDuration(r.Total()), r.Intensity())
		ok, why := c.Allows(r)
		switch {
		case !ok:
			b.WriteString(m.st.locked.Render(truncate("  "+line, w)) + "\n")
			b.WriteString(m.st.locked.Render(truncate("      locked: "+why, w)) + "\n")
		case i == m.pickerCursor:
			b.WriteString(m.st.selected.Render(truncate("> "+line, w)) + "\n")
		default:
			b.WriteString(truncate("  "+line, w) + "\n")
		}
	}
	if m.pickerCursor < 0 {
		b.WriteString("\n" + wrap("No routine is allowed today.", w) + "\n")
	}
	b.WriteString("\n" + m.st.help.Render("↑/↓ choose · enter start · q quit"))
	return b.String()
}
