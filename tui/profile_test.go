package tui

import (
	"fmt"
	"image/color"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"knead/screening"
)

// profiles are the colour profiles a terminal may have; Ascii is what
// NO_COLOR gives.
var profiles = []colorprofile.Profile{colorprofile.TrueColor, colorprofile.ANSI256, colorprofile.ANSI, colorprofile.Ascii}

// tellLook sends m what Bubble Tea reports when the program starts: the
// colour profile and the background colour.
func tellLook(m *Model, p colorprofile.Profile, dark bool) {
	bg := color.Color(color.White)
	if dark {
		bg = color.Black
	}
	m.Update(tea.ColorProfileMsg{Profile: p})
	m.Update(tea.BackgroundColorMsg{Color: bg})
}

// written is s as it reaches a terminal with profile p.
func written(t *testing.T, s string, p colorprofile.Profile) string {
	t.Helper()
	var buf strings.Builder
	if _, err := io.WriteString(&colorprofile.Writer{Forward: &buf, Profile: p}, s); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// profileScreens are the screens drawn under each profile at 80×24: a
// running step, the stop box and a screening page.
func profileScreens(t *testing.T) map[string]*Model {
	t.Helper()
	step, clock := sessionModel(t, "lumbar-partner", screening.Partner, 80, 24)
	press(step, "n", "3")
	tick(step, clock, 20)
	stop, clock := sessionModel(t, "lumbar-partner", screening.Partner, 80, 24)
	tick(stop, clock, 10)
	press(stop, "6")
	form := formAt(t, screening.Partner, "Anna", "saddle-bladder", 80, 24)
	return map[string]*Model{"step": step, "stop": stop, "form": form}
}

func backgroundName(dark bool) string {
	if dark {
		return "dark"
	}
	return "light"
}

// TestGoldenProfiles keeps the colour codes each profile emits, on a dark
// and a light background, in testdata/profiles.
func TestGoldenProfiles(t *testing.T) {
	for name, m := range profileScreens(t) {
		for _, p := range profiles {
			for _, dark := range []bool{true, false} {
				tellLook(m, p, dark)
				out := written(t, m.View().Content, p)
				golden(t, fmt.Sprintf("profiles/%s-%s-%s", name, strings.ToLower(p.String()), backgroundName(dark)), out)
			}
		}
	}
}

var sgrSeq = regexp.MustCompile("\x1b\\[([0-9;:]*)m")

// colourKinds lists the kinds of colour codes in the SGR sequences of s:
// "16" (30–37, 90–97 and their backgrounds), "256" (38;5), "rgb" (38;2)
// and "default" (39, 49, 59).
func colourKinds(s string) map[string]bool {
	kinds := map[string]bool{}
	for _, m := range sgrSeq.FindAllStringSubmatch(s, -1) {
		params := strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' })
		for i := 0; i < len(params); i++ {
			n, _ := strconv.Atoi(params[i])
			switch {
			case n == 38 || n == 48 || n == 58:
				if i+1 < len(params) && params[i+1] == "5" {
					kinds["256"] = true
					i += 2
				} else {
					kinds["rgb"] = true
					i += 4
				}
			case n == 39 || n == 49 || n == 59:
				kinds["default"] = true
			case n >= 30 && n <= 37, n >= 40 && n <= 47, n >= 90 && n <= 97, n >= 100 && n <= 107:
				kinds["16"] = true
			}
		}
	}
	return kinds
}

// TestProfilesEmitOnlyTheirColours: in 16 colours only the 16 ANSI colours
// are drawn, in 256 colours no true colour, and with NO_COLOR no colour at
// all; both as the styles draw the screen and as it reaches the terminal.
func TestProfilesEmitOnlyTheirColours(t *testing.T) {
	t.Parallel()
	allowed := map[colorprofile.Profile]map[string]bool{
		colorprofile.TrueColor: {"16": true, "256": true, "rgb": true, "default": true},
		colorprofile.ANSI256:   {"16": true, "256": true, "default": true},
		colorprofile.ANSI:      {"16": true, "default": true},
		colorprofile.Ascii:     {},
	}
	for name, m := range profileScreens(t) {
		for _, p := range profiles {
			for _, dark := range []bool{true, false} {
				tellLook(m, p, dark)
				drawn := m.View().Content
				for how, out := range map[string]string{"drawn": drawn, "written": written(t, drawn, p)} {
					for kind := range colourKinds(out) {
						if !allowed[p][kind] {
							t.Errorf("%s %s on %s, %s: has %s colour codes", name, p, backgroundName(dark), how, kind)
						}
					}
				}
			}
		}
	}
}

// TestEveryModelRestylesForTheTerminal: the app, the screening form of
// knead screen and the practice trainer all take the profile and the
// background Bubble Tea reports, in either order, and draw with them.
func TestEveryModelRestylesForTheTerminal(t *testing.T) {
	t.Parallel()
	app, _ := sessionModel(t, "lumbar-partner", screening.Partner, 80, 24)
	form := &formModel{form: newScreeningForm(screening.Default(), screening.Partner, "Anna", nil, true), look: defaultLook(), st: defaultLook().styles()}
	practice, _ := practiceModel(t, false)
	for name, m := range map[string]tea.Model{"app": app, "form": form, "practice": practice} {
		m.Update(tea.BackgroundColorMsg{Color: color.White})
		m.Update(tea.ColorProfileMsg{Profile: colorprofile.ANSI})
		if kinds := colourKinds(m.View().Content); kinds["rgb"] || kinds["256"] || !kinds["16"] {
			t.Errorf("%s in 16 colours draws %v", name, kinds)
		}
		// Light styles: body text black, never the dark background's.
		m.Update(tea.ColorProfileMsg{Profile: colorprofile.TrueColor})
		if out := m.View().Content; !strings.Contains(out, "38;2;31;35;40") {
			t.Errorf("%s on white in true colour does not draw the light text colour:\n%q", name, out)
		}
		m.Update(tea.ColorProfileMsg{Profile: colorprofile.Ascii})
		if kinds := colourKinds(m.View().Content); len(kinds) > 0 {
			t.Errorf("%s with NO_COLOR draws %v", name, kinds)
		}
	}
}
