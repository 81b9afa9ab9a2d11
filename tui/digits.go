package tui

import (
	"fmt"
	"strings"
	"time"
)

// fontRows is the height of a glyph in pixels.
const fontRows = 5

// bigText renders s in the big font at scale: five rows a scale, one
// space between glyphs.
func bigText(s string, scale int) string { return strings.Join(bigRows(s, scale, false), "\n") }

// bigScale is the largest scale, at least 1, at which s fits in w×h cells.
func bigScale(s string, w, h int) int {
	scale := 1
	for {
		bw, bh := bigSize(s, scale+1, false)
		if bw > w || bh > h {
			return scale
		}
		scale++
	}
}

// bigRows renders s with every pixel scale cells wide and scale rows
// high. Inverted, the glyphs are cut out of a solid block one pixel wider
// on every side: a change of look that reads without any colour.
func bigRows(s string, scale int, inverted bool) []string {
	scale = max(scale, 1)
	var grid [fontRows]string
	for i, r := range s {
		g, ok := bigFont[r]
		if !ok {
			continue
		}
		for row := range grid {
			if i > 0 {
				grid[row] += " "
			}
			grid[row] += g[row]
		}
	}
	pixels := grid[:]
	if inverted {
		width := len([]rune(grid[0]))
		edge := strings.Repeat(" ", width+2)
		pixels = []string{edge}
		for _, row := range grid {
			pixels = append(pixels, " "+row+" ")
		}
		pixels = append(pixels, edge)
	}
	out := make([]string, 0, len(pixels)*scale)
	for _, row := range pixels {
		var b strings.Builder
		for _, p := range row {
			on := p != ' '
			if inverted {
				on = !on
			}
			mark := " "
			if on {
				mark = "█"
			}
			b.WriteString(strings.Repeat(mark, scale))
		}
		for range scale {
			out = append(out, b.String())
		}
	}
	return out
}

// bigSize is the width and height in cells of s drawn by bigRows.
func bigSize(s string, scale int, inverted bool) (w, h int) {
	cols := 0
	for i, r := range s {
		if g, ok := bigFont[r]; ok {
			if i > 0 {
				cols++
			}
			cols += len([]rune(g[0]))
		}
	}
	rows := fontRows
	if inverted {
		cols, rows = cols+2, rows+2
	}
	return cols * scale, rows * scale
}

// clock formats a remaining time as M:SS, rounding up so that 0:00 shows only
// when the time is really over.
func clock(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	secs := int((d + time.Second - 1) / time.Second)
	return fmt.Sprintf("%d:%02d", secs/60, secs%60)
}
