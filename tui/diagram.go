package tui

import (
	"strings"

	"knead/routines"
)

// backMap is the back seen from behind, one letter a cell: c collar,
// b upper back, l lumbar, s lumbosacral, g gluteal, P and Q the paravertebral
// strips beside the spine in the back and lumbar rows, | the spine itself.
// The spine is never lit: massage never works on it (seeds 000, 002).
var backMap = []string{
	"    cccc|cccc    ",
	"  cccccc|cccccc  ",
	" bbbbbbP|Pbbbbbb ",
	" bbbbbbP|Pbbbbbb ",
	"  bbbbbP|Pbbbbb  ",
	"  bbbbbP|Pbbbbb  ",
	"   llllQ|Qllll   ",
	"   llllQ|Qllll   ",
	"  ssssss|ssssss  ",
	"  ggggg | ggggg  ",
	"  ggggg   ggggg  ",
}

// lit reports whether a cell of the map belongs to the worked zone. The
// whole back covers the upper back and the lumbar rows; the upper back
// stops at the last rib.
func lit(cell byte, zone routines.Zone) bool {
	switch cell {
	case 'c':
		return zone == routines.ZoneCollar
	case 'b', 'P':
		return zone == routines.ZoneUpperBack || zone == routines.ZoneBack || (cell == 'P' && zone == routines.ZoneParavertebral)
	case 'l', 'Q':
		return zone == routines.ZoneLumbar || zone == routines.ZoneBack || (cell == 'Q' && zone == routines.ZoneParavertebral)
	case 's':
		return zone == routines.ZoneLumbosacral
	case 'g':
		return zone == routines.ZoneGluteal
	}
	return false
}

// diagram draws the back with the worked zone in full blocks and the rest
// in light shade, so that it reads without colour too.
func diagram(zone routines.Zone, st styles) string {
	var b strings.Builder
	for i, row := range backMap {
		if i > 0 {
			b.WriteByte('\n')
		}
		var run strings.Builder
		runLit := false
		flush := func() {
			if run.Len() == 0 {
				return
			}
			if runLit {
				b.WriteString(st.zoneLit.Render(run.String()))
			} else {
				b.WriteString(st.zoneDim.Render(run.String()))
			}
			run.Reset()
		}
		for j := 0; j < len(row); j++ {
			cell := row[j]
			var glyph string
			isLit := false
			switch {
			case cell == ' ':
				glyph = " "
			case cell == '|':
				glyph = "┃"
			case lit(cell, zone):
				glyph, isLit = "█", true
			default:
				glyph = "░"
			}
			if isLit != runLit {
				flush()
				runLit = isLit
			}
			run.WriteString(glyph)
		}
		flush()
	}
	return b.String()
}

// diagramColumn is the width of the column the diagram stands in.
const diagramColumn = 22

// diagramLines returns the diagram for zone with its label, each line padded
// to diagramColumn cells. It is drawn once per zone and style and reused on
// every frame.
func (m *Model) diagramLines(zone routines.Zone) []string {
	if lines, ok := m.diagrams[zone]; ok {
		return lines
	}
	lines := strings.Split(diagram(zone, m.st), "\n")
	rowWidth := len(backMap[0])
	for i := range lines {
		lines[i] += strings.Repeat(" ", diagramColumn-rowWidth)
	}
	if zone != "" {
		label := "zone: " + string(zone)
		pad := max((rowWidth-len(label))/2, 0)
		lines = append(lines, m.st.subtle.Render(strings.Repeat(" ", pad)+label)+strings.Repeat(" ", max(diagramColumn-pad-len(label), 1)))
	}
	if m.diagrams == nil {
		m.diagrams = map[routines.Zone][]string{}
	}
	m.diagrams[zone] = lines
	return lines
}

// besideDiagram puts the text column to the right of the diagram lines,
// whose width is known, without measuring anything.
func besideDiagram(left, right []string) string {
	n := max(len(left), len(right))
	var b strings.Builder
	blank := strings.Repeat(" ", diagramColumn)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		if i < len(left) {
			b.WriteString(left[i])
		} else {
			b.WriteString(blank)
		}
		if i < len(right) {
			b.WriteString(right[i])
		}
	}
	return b.String()
}
