package tui

import (
	"fmt"
	"image/color"
	"math"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
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

// palette16 is what a terminal shows for the 16 ANSI colours.
type palette16 struct {
	name   string
	colour [16]color.Color
}

func hexPalette(name string, hex ...string) palette16 {
	p := palette16{name: name}
	for i, h := range hex {
		p.colour[i] = lipgloss.Color(h)
	}
	return p
}

var (
	// xtermPalette is xterm's default, as with TERM=xterm.
	xtermPalette = hexPalette("xterm",
		"#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
		"#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff")
	// vgaPalette is the Linux console's (TERM=linux).
	vgaPalette = hexPalette("vga",
		"#000000", "#aa0000", "#00aa00", "#aa5500", "#0000aa", "#aa00aa", "#00aaaa", "#aaaaaa",
		"#555555", "#ff5555", "#55ff55", "#ffff55", "#5555ff", "#ff55ff", "#55ffff", "#ffffff")
)

// xterm256 is the colour of a 256-colour palette index from 16 up: the
// 6×6×6 cube, then 24 greys.
func xterm256(i int) color.Color {
	if i >= 232 {
		g := uint8(8 + 10*(i-232))
		return color.RGBA{g, g, g, 0xff}
	}
	levels := [6]uint8{0, 95, 135, 175, 215, 255}
	i -= 16
	return color.RGBA{levels[i/36], levels[i/6%6], levels[i%6], 0xff}
}

// shown is the colour a terminal with profile p and 16-colour palette pal
// draws for c, as Bubble Tea's renderer converts it; nil is the terminal's
// own foreground.
func shown(c color.Color, p colorprofile.Profile, pal palette16) color.Color {
	if _, none := c.(lipgloss.NoColor); none || c == nil {
		return nil
	}
	switch c := p.Convert(c).(type) {
	case nil:
		return nil
	case ansi.BasicColor:
		return pal.colour[c]
	case ansi.IndexedColor:
		if c < 16 {
			return pal.colour[c]
		}
		return xterm256(int(c))
	default:
		return c
	}
}

// colouredStyles are the styles that draw text or marks on the screen,
// with the colour they draw in.
func colouredStyles(st styles) map[string]color.Color {
	return map[string]color.Color{
		"title": st.title.GetForeground(), "subtle": st.subtle.GetForeground(),
		"accent": st.accent.GetForeground(), "warn": st.warn.GetForeground(),
		"danger": st.danger.GetForeground(), "ok": st.ok.GetForeground(),
		"digits": st.digits.GetForeground(), "digitsFrozen": st.digitsFrozen.GetForeground(),
		"digitsLast": st.digitsLast.GetForeground(), "banner": st.banner.GetForeground(),
		"bannerText": st.bannerText.GetForeground(),
		"zoneLit":    st.zoneLit.GetForeground(), "zoneDim": st.zoneDim.GetForeground(),
		"barFull": st.barFull.GetForeground(), "barEmpty": st.barEmpty.GetForeground(),
		"locked": st.locked.GetForeground(), "selected": st.selected.GetForeground(),
		"help":    st.help.GetForeground(),
		"stopBox": st.stopBox.GetBorderTopForeground(), "easeBox": st.easeBox.GetBorderTopForeground(),
		"box": st.box.GetBorderTopForeground(),
	}
}

var backgrounds = []struct {
	name string
	dark bool
	// colour is the background; ownFg the terminal's own foreground on it.
	colour, ownFg color.Color
}{{"light", false, color.White, color.Black}, {"dark", true, color.Black, color.White}}

// TestTextContrast: every style that draws text or marks reaches 4.5:1
// against the background it is made for, white for light terminals and
// black for dark ones, in true colour, in 256 colours and in 16 colours
// with both xterm's palette and the Linux console's. Only in 16 colours
// may a style leave the colour to the terminal's own foreground, where no
// ANSI colour reads on both palettes.
func TestTextContrast(t *testing.T) {
	t.Parallel()
	for _, bg := range backgrounds {
		for _, c := range []struct {
			profile colorprofile.Profile
			pal     palette16
		}{
			{colorprofile.TrueColor, xtermPalette},
			{colorprofile.ANSI256, xtermPalette},
			{colorprofile.ANSI, xtermPalette},
			{colorprofile.ANSI, vgaPalette},
		} {
			where := fmt.Sprintf("%s/%s", bg.name, c.profile)
			if c.profile == colorprofile.ANSI {
				where += "/" + c.pal.name
			}
			least, leastName := math.Inf(1), ""
			for name, fg := range colouredStyles(newStyles(bg.dark, c.profile)) {
				seen := shown(fg, c.profile, c.pal)
				if seen == nil {
					if c.profile != colorprofile.ANSI {
						t.Errorf("%s: %s has no colour of its own", where, name)
						continue
					}
					seen = bg.ownFg
				}
				k := contrast(seen, bg.colour)
				if k < 4.5 {
					t.Errorf("%s: %s contrast %.2f:1, want at least 4.5:1", where, name, k)
				}
				if k < least || k == least && name < leastName {
					least, leastName = k, name
				}
			}
			t.Logf("%s: least contrast %.2f:1 (%s)", where, least, leastName)
		}
	}
}

// TestNoColourWithoutColours: with NO_COLOR, or no terminal, no style
// carries a colour.
func TestNoColourWithoutColours(t *testing.T) {
	t.Parallel()
	for _, bg := range backgrounds {
		for _, p := range []colorprofile.Profile{colorprofile.Ascii, colorprofile.NoTTY} {
			for name, fg := range colouredStyles(newStyles(bg.dark, p)) {
				if _, none := fg.(lipgloss.NoColor); !none && fg != nil {
					t.Errorf("%s/%s: %s has colour %v", bg.name, p, name, fg)
				}
			}
		}
	}
}
