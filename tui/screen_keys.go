package tui

import (
	"fmt"
	"strings"

	"knead/guide"
)

// screenKeys are the keys of the screens around a session, each with what
// it does there, for the key list that ? opens. It is nil where ? means
// something else: the session and the settled question draw their own
// list, the screening form has its own, and a name being typed takes ?
// as a letter.
func (m *Model) screenKeys() [][2]string {
	switch m.screen {
	case screenWelcome:
		if m.typingName {
			return nil
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
		return [][2]string{
			{"↑ ↓", "scroll a line"},
			{"pgup pgdn", "scroll a page (space too)"},
			{"esc q h", "back"},
		}
	}
	return nil
}

// viewKeyList draws a list of keys with what each does, closed by any key.
func (m *Model) viewKeyList(keys [][2]string) string {
	width := 0
	for _, k := range keys {
		width = max(width, cellWidth(k[0]))
	}
	var b strings.Builder
	b.WriteString(m.st.title.Render("Keys") + "\n\n")
	for _, k := range append(keys, [2]string{"?", "this list"}) {
		pad := strings.Repeat(" ", max(width-cellWidth(k[0]), 0))
		b.WriteString(wrap(fmt.Sprintf("  %s%s  %s", k[0], pad, k[1]), m.textWidth()) + "\n")
	}
	b.WriteString("\n" + m.st.help.Render("any key closes this list"))
	return b.String()
}
