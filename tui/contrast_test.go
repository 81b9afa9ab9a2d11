package tui

import (
	"image/color"
	"math"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
)

// luminance is the relative luminance of c (WCAG 2).
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// TestTextContrast: every style that draws text on the screening form and
// the result reaches 4.5:1 against the background it is made for, white
// for light terminals and black for dark ones.
func TestTextContrast(t *testing.T) {
	t.Parallel()
	for _, bg := range []struct {
		name   string
		dark   bool
		colour color.Color
	}{{"light", false, color.White}, {"dark", true, color.Black}} {
		st := newStyles(bg.dark)
		for name, style := range map[string]lipgloss.Style{
			"title": st.title, "subtle": st.subtle, "selected": st.selected, "warn": st.warn,
			"danger": st.danger, "help": st.help, "accent": st.accent, "ok": st.ok,
		} {
			fg := style.GetForeground()
			if _, none := fg.(lipgloss.NoColor); none || fg == nil {
				t.Errorf("%s/%s has no colour of its own", bg.name, name)
				continue
			}
			if c := contrast(fg, bg.colour); c < 4.5 {
				t.Errorf("%s/%s: contrast %.2f:1, want at least 4.5:1", bg.name, name, c)
			}
			// Terminals with 256 colours (tmux, many SSH sessions) show
			// the nearest palette colour instead.
			if c := contrast(colorprofile.ANSI256.Convert(fg), bg.colour); c < 4.5 {
				t.Errorf("%s/%s in 256 colours: contrast %.2f:1, want at least 4.5:1", bg.name, name, c)
			}
		}
	}
}
