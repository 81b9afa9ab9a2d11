package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"knead/guide"
	"knead/screening"
)

// Result: what the screening said. After stop or urgent there is no way
// on; after a clearance with limits or advice, enter goes on to the routine
// that was asked for.

// blocked reports whether the clearance allows no massage today.
func blocked(c screening.Clearance) bool {
	return c.Level == screening.Stop || c.Level == screening.Urgent
}

func (m *Model) updateResult(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch {
	case key.Matches(k, m.keys.Quit):
		return m.do(guide.Act(guide.Quit))
	case key.Matches(k, m.keys.Confirm):
		if !m.flow.Valid(guide.Continue) {
			return m.do(guide.Act(guide.Quit))
		}
		return m.do(guide.Act(guide.Continue))
	}
	return nil
}

var resultHeadline = map[screening.Level]string{
	screening.Clear:  "CLEAR: nothing reported stops the massage",
	screening.Gentle: "GENTLE: gentle routines only",
	screening.Stop:   "STOP: no massage today",
	screening.Urgent: "URGENT: see a doctor now",
}

func (m *Model) viewResult() string {
	ww, h := m.size()
	w := max(min(ww-2, 76), 10)
	// The fullest page that fits: sources go first, then the reasons;
	// the headline, what to do and the keys always stay.
	var lines []string
	for detail := 2; detail >= 0; detail-- {
		lines = m.resultLines(w, detail)
		if len(lines) <= h {
			break
		}
	}
	return centre(lines, w, ww, h)
}

// resultLines lays out the result at width w: detail 2 with sources, 1
// with reasons only, 0 with neither.
func (m *Model) resultLines(w, detail int) []string {
	c := m.flow.Clearance()
	style := m.st.warn
	if blocked(c) {
		style = m.st.danger
	}
	var lines []string
	add := func(s string) { lines = append(lines, strings.Split(s, "\n")...) }
	if detail > 0 {
		add(m.st.title.Render("Screening result"))
		add("")
	}
	add(style.Render(resultHeadline[c.Level]))
	add("")
	if detail > 0 {
		for _, r := range c.Reasons {
			add(wrap("• "+r.Label+": "+r.Explanation, w))
			if detail > 1 {
				add(m.st.subtle.Render(indent(wrap("Source: "+strings.Join(r.Sources.Titles(), "; "), w-2), "  ")))
			}
		}
		for _, a := range c.Advice {
			add(wrap("• "+a, w))
		}
		add("")
	}
	add(wrap(c.NextStep(), w))
	add("")
	help := "q or enter: close knead (this result stays on the terminal) · ? keys"
	if chosen := m.flow.Chosen(); !blocked(c) && chosen != nil {
		help = fmt.Sprintf("enter: go on to %s · q quit · ? keys", chosen.Title)
	}
	add(m.st.help.Render(wrap(help, w)))
	return lines
}
