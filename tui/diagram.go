package tui

import (
	"strings"

	"knead/routines"
)

// backMap is the back seen from behind, one letter a cell: c collar,
// b back, l lumbar, s lumbosacral, g gluteal, P and Q the paravertebral
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

// lit reports whether a cell of the map belongs to the worked zone.
func lit(cell byte, zone routines.Zone) bool {
	switch cell {
	case 'c':
		return zone == routines.ZoneCollar
	case 'b':
		return zone == routines.ZoneBack
	case 'l':
		return zone == routines.ZoneLumbar
	case 's':
		return zone == routines.ZoneLumbosacral
	case 'g':
		return zone == routines.ZoneGluteal
	case 'P':
		return zone == routines.ZoneParavertebral || zone == routines.ZoneBack
	case 'Q':
		return zone == routines.ZoneParavertebral || zone == routines.ZoneLumbar
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
