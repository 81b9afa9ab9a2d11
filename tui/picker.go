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

// Picker: the routines for who is massaged, the allowed ones first, the
// locked ones with the reason; routines for the other kind of massage are
// one line at the end.

// pickerRoutines are the routines offered to the mode: allowed ones
// first, then locked ones, each in the library's order; other is how many
// are for the other kind of massage.
func (m *Model) pickerRoutines() (list []*routines.Routine, other int) {
	c := m.flow.Clearance()
	var locked []*routines.Routine
	for _, r := range m.opts.Library.All() {
		switch ok, _ := c.Allows(r); {
		case !r.Suits(c.For == screening.Partner):
			other++
		case ok:
			list = append(list, r)
		default:
			locked = append(locked, r)
		}
	}
	return append(list, locked...), other
}

// firstAllowed is where the cursor starts: on the routine used last time
// with this person when it is allowed today, else on the first allowed.
func (m *Model) firstAllowed() int {
	list, _ := m.pickerRoutines()
	last := m.flow.LastRoutine()
	first := -1
	for i, r := range list {
		if ok, _ := m.flow.Clearance().Allows(r); ok {
			if r.ID == last {
				return i
			}
			if first < 0 {
				first = i
			}
		}
	}
	return first
}

func (m *Model) updatePicker(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	list, _ := m.pickerRoutines()
	move := func(dir int) {
		for i := m.pickerCursor + dir; i >= 0 && i < len(list); i += dir {
			if ok, _ := m.flow.Clearance().Allows(list[i]); ok {
				m.pickerCursor = i
				return
			}
		}
	}
	switch {
	case key.Matches(k, m.keys.Quit):
		return m.do(guide.Act(guide.Quit))
	case k.String() == "esc" && m.flow.Valid(guide.LeaveScreening):
		return m.do(guide.Act(guide.LeaveScreening))
	case key.Matches(k, m.keys.Up):
		move(-1)
	case key.Matches(k, m.keys.Down):
		move(1)
	case key.Matches(k, m.keys.Confirm):
		if m.pickerCursor >= 0 && m.pickerCursor < len(list) {
			return m.do(guide.Action{Kind: guide.ChooseRoutine, Routine: list[m.pickerCursor]})
		}
	}
	return nil
}

// describe is a routine's line of description: where, how many steps and
// which techniques.
func describe(r *routines.Routine) string {
	where := "the whole back"
	if r.Area == routines.AreaLumbar {
		where = "the lower back"
	}
	var techniques []string
	seen := map[routines.Technique]bool{}
	for _, s := range r.Steps {
		if !seen[s.Technique] && s.Technique != routines.Rest {
			seen[s.Technique] = true
			techniques = append(techniques, s.Technique.Words())
		}
	}
	steps := fmt.Sprintf("%d steps", len(r.Steps))
	if len(r.Steps) == 1 {
		steps = "1 step"
	}
	return fmt.Sprintf("%s, %s: %s", where, steps, strings.Join(techniques, ", "))
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
	// What to do next, as the plain face says it.
	b.WriteString(wrap(c.NextStep(), w) + "\n")
	for _, a := range c.Advice {
		b.WriteString(wrap("• "+a, w) + "\n")
	}
	for _, n := range []string{m.flow.Notice(), m.notice} {
		if n != "" {
			b.WriteString(m.st.warn.Render(wrap(n, w)) + "\n")
		}
	}
	b.WriteString("\n")
	list, other := m.pickerRoutines()
	last := m.flow.LastRoutine()
	for i, r := range list {
		line := fmt.Sprintf("%-30s %-12s %s", r.Title, routines.HumanDuration(r.Total()), r.Intensity())
		if w < 60 {
			// Too narrow for columns: the title and its time, cut last.
			line = r.Title + " · " + routines.HumanDuration(r.Total())
		}
		about := describe(r)
		if r.ID == last {
			about += " · last time"
		}
		ok, why := c.Allows(r)
		switch {
		case !ok:
			b.WriteString(m.st.locked.Render(truncate("  "+line, w)) + "\n")
			b.WriteString(m.st.locked.Render(truncate("    locked: "+why, w)) + "\n")
		case i == m.pickerCursor:
			b.WriteString(m.st.selected.Render(truncate("> "+line, w)) + "\n")
			b.WriteString(m.st.subtle.Render(truncate("    "+about, w)) + "\n")
		default:
			b.WriteString(truncate("  "+line, w) + "\n")
			b.WriteString(m.st.subtle.Render(truncate("    "+about, w)) + "\n")
		}
	}
	if other > 0 {
		kind := "for massaging a partner"
		if c.For == screening.Partner {
			kind = "for self-massage"
		}
		noun := fmt.Sprintf("%d routines are", other)
		if other == 1 {
			noun = "1 routine is"
		}
		b.WriteString("\n" + m.st.subtle.Render(wrap(noun+" "+kind+".", w)) + "\n")
	}
	if m.pickerCursor < 0 {
		b.WriteString("\n" + wrap("No routine is allowed today.", w) + "\n")
	}
	keys := "↑/↓ choose · enter start · q quit · ? keys"
	if m.flow.Valid(guide.LeaveScreening) {
		keys = "↑/↓ choose · enter start · esc back · q quit · ? keys"
	}
	b.WriteString("\n" + m.st.help.Render(keys))
	return b.String()
}
