package tui

import (
	"strings"

	"knead/coach"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Helpers.

func (m *Model) textWidth() int {
	w, _ := m.size()
	return max(min(w-2, 100), 10)
}

// wrap breaks text to width.
func wrap(s string, width int) string {
	return lipgloss.NewStyle().Width(width).Render(s)
}

// truncate cuts each line of s to width cells, ending a cut line with
// "…" so that nobody reads a cut word as a whole one.
func truncate(s string, width int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, max(width, 0), "…")
	}
	return strings.Join(lines, "\n")
}

// indent puts prefix before every line of s.
func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}

// painter colours many plain lines in one style at the cost of one
// Render: the style's opening and closing codes are taken from a single
// rendered mark. Only for styles of colours and attributes, with no width,
// padding or border.
func painter(style lipgloss.Style) func(string) string {
	mark := style.Render("x")
	i := strings.IndexByte(mark, 'x')
	if i < 0 {
		return func(s string) string { return s }
	}
	open, shut := mark[:i], mark[i+1:]
	return func(s string) string { return open + s + shut }
}

// sparkBars are eight heights, for pain from 0 to 10.
var sparkBars = []rune("▁▂▃▄▅▆▇█")

// sparkline draws pain ratings as bars, one a rating, in the order given.
func sparkline(ratings []coach.Rating) string {
	out := make([]rune, len(ratings))
	for i, r := range ratings {
		out[i] = sparkBars[min(max(r.Pain, 0), 10)*(len(sparkBars)-1)/10]
	}
	return string(out)
}
