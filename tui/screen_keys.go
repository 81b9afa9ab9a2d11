package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"knead/guide"
)

// screenKeys are the keys of the screens around a session, each with what
// it does there, for the key list that ? opens. It is nil where ? means
// something else: the session and the settled question draw their own
// list, the screening form has its own, and a name being typed takes ?
// as a letter once it has one.
func (m *Model) screenKeys() [][2]string {
	switch m.screen {
	case screenWelcome:
		if m.typingName && m.partnerName != "" {
			return nil
		}
		if m.typingName {
			return [][2]string{
				{"letters", "your partner's name, as you call them"},
				{"tab", "fill in the name of a partner from the history"},
				{"enter", "go on; with no name, knead says \"your partner\""},
				{"esc", "back to who is massaged"},
			}
		}
		return [][2]string{
			{"↑ ↓ 1 2", "choose who is massaged"},
			{"enter", "go on"},
			{"h", "the sessions so far, a chart per person"},
			{"q", "quit"},
		}
	case screenPicker:
		keys := [][2]string{
			{"↑ ↓", "choose a routine"},
			{"enter", "go on with it: the checklist comes first"},
		}
		if m.flow.Valid(guide.LeaveScreening) {
			keys = append(keys, [2]string{"esc", "back to who is massaged"})
		}
		return append(keys, [2]string{"q", "quit"})
	case screenResult:
		if chosen := m.flow.Chosen(); m.flow.Valid(guide.Continue) && chosen != nil {
			return [][2]string{{"enter", "go on to " + chosen.Title}, {"q", "quit"}}
		}
		return [][2]string{{"enter q", "close knead; the result stays on the terminal"}}
	case screenSummary:
		return [][2]string{{"h", "the sessions so far, a chart per person"}, {"enter q", "close knead"}}
	case screenHistory:
		keys := [][2]string{
			{"↑ ↓", "scroll a line"},
			{"pgup pgdn", "scroll a page (space too)"},
		}
		if m.opts.Journal != nil {
			keys = append(keys, [2]string{"r", "write a report for a doctor (an HTML file in this folder)"})
		}
		return append(keys, [2]string{"esc q h", "back"})
	}
	return nil
}

// viewKeyList draws a list of keys with what each does, closed by any key.
func (m *Model) viewKeyList(keys [][2]string) string {
	w, h := m.size()
	return keyList(m.st, keys, w, h, min(w, m.textWidth()))
}

// keyList draws keys in a w×h window, text no wider than textW. Each
// description wraps under itself; in a window too low for that, each
// takes one line, cut with an ellipsis, and the title goes.
func keyList(st styles, keys [][2]string, w, h, textW int) string {
	keys = append(keys, [2]string{"?", "this list"})
	width := 0
	for _, k := range keys {
		width = max(width, cellWidth(k[0]))
	}
	indent := 2 + width + 2
	descW := max(textW-indent, 10)
	entries := func(oneLine bool) []string {
		var out []string
		for _, k := range keys {
			desc := strings.Split(wrap(k[1], descW), "\n")
			if oneLine {
				desc = []string{ansi.Truncate(k[1], descW, "…")}
			}
			pad := strings.Repeat(" ", max(width-cellWidth(k[0]), 0))
			out = append(out, "  "+k[0]+pad+"  "+desc[0])
			for _, d := range desc[1:] {
				out = append(out, strings.Repeat(" ", indent)+d)
			}
		}
		return out
	}
	closing := st.help.Render("any key closes this list")
	title := []string{st.title.Render("Keys"), ""}
	for _, way := range [][]string{
		append(append(title, entries(false)...), "", closing),
		append(append(title, entries(true)...), "", closing),
		append(entries(true), closing),
	} {
		if len(way) <= h {
			return strings.Join(way, "\n")
		}
	}
	// Lower still: two columns, each description cut short.
	cell := func(k [2]string) string {
		return k[0] + strings.Repeat(" ", max(width-cellWidth(k[0]), 0)) + " " + k[1]
	}
	half := (len(keys) + 1) / 2
	colW := max(w/2, 1)
	var packed []string
	for i := range half {
		row := ansi.Truncate(cell(keys[i]), colW-1, "…")
		if j := i + half; j < len(keys) {
			row += strings.Repeat(" ", max(colW-cellWidth(row), 0)) + ansi.Truncate(cell(keys[j]), colW-1, "…")
		}
		packed = append(packed, row)
	}
	return strings.Join(append(packed, closing), "\n")
}
