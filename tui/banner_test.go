package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"knead/coach"
	"knead/screening"
)

// digitRows counts the rows of the countdown: lines with a run of five or
// more full blocks to the right of the diagram.
func digitRows(screen string) int {
	n := 0
	for _, l := range strings.Split(screen, "\n") {
		r := []rune(l)
		if len(r) > diagramColumn && strings.Contains(string(r[diagramColumn:]), "█████") {
			n++
		}
	}
	return n
}

// The countdown grows with the window, is centred in its column, and the
// title, the cue and the key line still fit.
func TestCountdownGrowsWithTheWindow(t *testing.T) {
	t.Parallel()
	last := 0
	for _, sz := range [][2]int{{80, 24}, {120, 40}, {200, 50}} {
		m, clock := sessionModel(t, "lumbar-partner", screening.Partner, sz[0], sz[1])
		tick(m, clock, 20)
		out := screenText(m)
		rows := digitRows(out)
		if rows <= last {
			t.Errorf("%dx%d: countdown %d rows high, not more than %d in the smaller window:\n%s", sz[0], sz[1], rows, last, out)
		}
		last = rows
		lines := strings.Split(out, "\n")
		if len(lines) > sz[1] {
			t.Errorf("%dx%d: %d lines", sz[0], sz[1], len(lines))
		}
		for _, want := range []string{"Light stroking", "0-9 pain · s stop", "? keys"} {
			if !strings.Contains(out, want) {
				t.Errorf("%dx%d lacks %q:\n%s", sz[0], sz[1], want, out)
			}
		}
		if !strings.Contains(lines[len(lines)-1], "? keys") {
			t.Errorf("%dx%d: the key line is not last:\n%s", sz[0], sz[1], out)
		}
		// Centred: the block's margins in its column differ by at most
		// two pixels (a 1 stands off-centre in its own glyph).
		left, right := sz[0], sz[0]
		colW := sz[0] - diagramColumn - 2
		for _, l := range lines {
			r := []rune(l)
			if len(r) <= diagramColumn || !strings.Contains(string(r[diagramColumn:]), "█████") {
				continue
			}
			col := string(r[diagramColumn:])
			left = min(left, len([]rune(col))-len([]rune(strings.TrimLeft(col, " "))))
			right = min(right, colW-len([]rune(strings.TrimRight(col, " "))))
		}
		if d := left - right; d > 10 || d < -10 {
			t.Errorf("%dx%d: countdown not centred (%d cells left, %d right)", sz[0], sz[1], left, right)
		}
	}
	if last < 20 {
		t.Errorf("at 200x50 the countdown is %d rows high; it should fill a good part of the screen", last)
	}
}

// Goldens of the step screen at 200×50 and of each banner.
func TestGoldenBanners(t *testing.T) {
	for _, sz := range [][2]int{{120, 40}, {80, 24}} {
		name := func(what string) string { return fmt.Sprintf("%s-%dx%d", what, sz[0], sz[1]) }
		m, clock := sessionModel(t, "lumbar-partner", screening.Partner, sz[0], sz[1])
		press(m, "n", "3")
		golden(t, name("banner-step"), screenText(m))
		tick(m, clock, 5)
		press(m, "space")
		golden(t, name("banner-paused"), screenText(m))
		press(m, "space")
		for i := 0; i < 400 && m.flow.State().Remaining > 9500*1e6; i++ {
			tick(m, clock, 1)
		}
		golden(t, name("last-ten"), screenText(m))
		// On to step 4, which switches sides at half time.
		tick(m, clock, 11)
		press(m, "3", "n", "3")
		for i := 0; i < 400 && !strings.Contains(m.bannerText(m.flow.State()), "Switch"); i++ {
			tick(m, clock, 1)
		}
		golden(t, name("banner-side"), screenText(m))
	}
	m, clock := sessionModel(t, "lumbar-partner", screening.Partner, 200, 50)
	press(m, "n", "3")
	tick(m, clock, 20)
	golden(t, "step-200x50", screenText(m))
}

// The banners say what to do in words that read from across the room, and
// go after a few seconds; PAUSED stays while the clock is held.
func TestBannersComeAndGo(t *testing.T) {
	t.Parallel()
	self, _ := sessionModel(t, "lumbar-self", screening.Self, 120, 40)
	if got := self.bannerOf(coach.Cue{Kind: coach.CueSideSwitch, Side: coach.Left}); got.text != "TURN OVER — now the LEFT side" || got.big != "TURN OVER" {
		t.Errorf("self side switch: %+v", got)
	}
	// Turning over between two steps: the side switch is the banner,
	// with the new step in its sentence.
	press(self, "n", "3", "n", "3")
	if got := self.bannerText(self.flow.State()); !strings.HasPrefix(got, "Pain 3 noted · TURN OVER — now the") || !strings.Contains(got, "· Now: ") {
		t.Errorf("turning over between steps: %q", got)
	}
	m, clock := sessionModel(t, "lumbar-partner", screening.Partner, 120, 40)
	if got := m.bannerOf(coach.Cue{Kind: coach.CueSideSwitch, Side: coach.Left}); got.text != "Switch to the LEFT side" || got.big != "LEFT SIDE" {
		t.Errorf("partner side switch: %+v", got)
	}
	press(m, "n", "3")
	if out := screenText(m); !strings.Contains(out, "Now: Deep stroking to the coccyx") || !strings.Contains(out, strings.Repeat("█", 120)) {
		t.Fatalf("no step banner:\n%s", out)
	}
	tick(m, clock, 4)
	if out := screenText(m); strings.Contains(out, strings.Repeat("█", 120)) {
		t.Fatalf("the banner is still there after 4 s:\n%s", out)
	}
	press(m, "space")
	tick(m, clock, 30)
	if out := screenText(m); !strings.Contains(out, "PAUSED — space to go on") {
		t.Fatalf("no PAUSED banner 30 s into a pause:\n%s", out)
	}
	// Small windows show the banner on one line.
	m.Update(tea.WindowSizeMsg{Width: 60, Height: 16})
	if out := screenText(m); !strings.Contains(out, "PAUSED — space to go on") {
		t.Fatalf("no PAUSED line at 60x16:\n%s", out)
	}
}

// In the last ten seconds the digits are cut out of a solid block: a
// change that shows without colour.
func TestLastTenSecondsChangeLook(t *testing.T) {
	t.Parallel()
	m, clock := sessionModel(t, "lumbar-partner", screening.Partner, 120, 40)
	before := digitRows(screenText(m))
	for m.flow.State().Remaining > 10e9 {
		tick(m, clock, 1)
	}
	tick(m, clock, 1)
	after := screenText(m)
	if got := digitRows(after); got <= before {
		t.Fatalf("last ten seconds: %d rows of blocks, %d before:\n%s", got, before, after)
	}
	if !lastTen(m.flow.State()) {
		t.Fatal("lastTen is false at", m.flow.State().Remaining)
	}
	press(m, "space") // paused, the ten seconds keep their look
	if !lastTen(m.flow.State()) {
		t.Fatal("lastTen is false while paused at", m.flow.State().Remaining)
	}
}

// The key line at 40, 80 and 100 columns.
func TestGoldenKeyLine(t *testing.T) {
	m, _ := sessionModel(t, "lumbar-partner", screening.Partner, 120, 40)
	var b strings.Builder
	for _, w := range []int{40, 80, 100} {
		b.WriteString(ansi.Strip(m.keyHelp(w)) + "\n")
	}
	golden(t, "keys", b.String())
}

// The key list offers only the keys that work on the screen under it.
func TestKeyListOffersOnlyValidKeys(t *testing.T) {
	t.Parallel()
	m, clock := sessionModel(t, "lumbar-partner", screening.Partner, 100, 30)
	tick(m, clock, 5)
	press(m, "3", "5") // the stop prompt, finishing gently allowed
	press(m, "?")
	out := screenText(m)
	for _, want := range []string{"end the session", "finish with gentle stroking", "pain now", "warning sign"} {
		if !strings.Contains(out, want) {
			t.Errorf("the stop prompt's key list lacks %q:\n%s", want, out)
		}
	}
	for _, unwanted := range []string{"next step", "30 s more", "pause or resume", "restart"} {
		if strings.Contains(out, unwanted) {
			t.Errorf("the stop prompt's key list offers %q:\n%s", unwanted, out)
		}
	}
}

// Problems found on the way in stay on screen until the first step is
// under way: the welcome screen, the checklist and the first step show
// them.
func TestWarningsStayVisible(t *testing.T) {
	t.Parallel()
	warning := `voice command "nope" not found; running without voice`
	clock := &fakeClock{now: start}
	m := New(Options{Library: library(t), Questions: screening.Default(), Clock: clock, SessionNumber: 3, RoutineID: "lumbar-self", Warnings: []string{warning}})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if out := screenText(m); !strings.Contains(out, warning) {
		t.Fatalf("welcome screen lacks the warning:\n%s", out)
	}
	press(m, "1")
	screenClear(t, m)
	if out := screenText(m); !strings.Contains(out, warning) {
		t.Fatalf("checklist lacks the warning:\n%s", out)
	}
	press(m, "enter", "l", "3", "enter")
	for _, sz := range [][2]int{{80, 24}, {50, 14}} {
		m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		out := screenText(m)
		if !strings.Contains(strings.ReplaceAll(out, "\n", " "), "not found") || !strings.Contains(out, "? keys") {
			t.Fatalf("%dx%d: first step lacks the warning or the keys:\n%s", sz[0], sz[1], out)
		}
	}
	press(m, "n", "3")
	if out := screenText(m); strings.Contains(out, "not found") {
		t.Fatalf("the second step still shows the warning:\n%s", out)
	}
}

// Nine problems on the way in do not push the welcome's own lines away:
// two are shown, with how many more.
func TestManyWarningsAreCounted(t *testing.T) {
	t.Parallel()
	var warnings []string
	for i := range 9 {
		warnings = append(warnings, fmt.Sprintf("skipped a routine file: bad%d.yaml:1: not valid YAML", i))
	}
	m := New(Options{Library: library(t), Questions: screening.Default(), Clock: &fakeClock{now: start}, Warnings: warnings})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	out := screenText(m)
	if !strings.Contains(out, "bad0.yaml") || strings.Contains(out, "bad2.yaml") || !strings.Contains(out, "and 7 more problems") || !strings.Contains(out, "Who is being massaged?") {
		t.Fatalf("welcome with nine warnings:\n%s", out)
	}
}

// Where the window has room, a banner's word is drawn in big letters cut
// out of a solid band, and the countdown keeps its size while it shows.
func TestBannerWordIsBigAndTheCountdownKeepsItsSize(t *testing.T) {
	t.Parallel()
	for _, sz := range [][2]int{{80, 24}, {120, 40}, {200, 50}} {
		m, clock := sessionModel(t, "lumbar-partner", screening.Partner, sz[0], sz[1])
		tick(m, clock, 4)
		before := countdownRows(screenText(m))
		press(m, "space")
		out := screenText(m)
		letters := 0
		for _, l := range strings.Split(out, "\n") {
			if cellWidth(l) == sz[0] && strings.HasPrefix(l, "██") && strings.Contains(l, "█ ") {
				letters++
			}
		}
		if letters < 5 {
			t.Errorf("%dx%d: PAUSED is not drawn in big letters:\n%s", sz[0], sz[1], out)
		}
		if after := countdownRows(out); after != before {
			t.Errorf("%dx%d: the countdown is %d rows under the banner, %d without", sz[0], sz[1], after, before)
		}
		if !strings.Contains(out, "PAUSED — space to go on") {
			t.Errorf("%dx%d: the banner lost its sentence:\n%s", sz[0], sz[1], out)
		}
	}
}

// countdownRows counts the rows of a step screen that draw the countdown:
// blocks right of the back diagram.
func countdownRows(screen string) int {
	n := 0
	for _, l := range strings.Split(screen, "\n") {
		r := []rune(l)
		band := strings.HasPrefix(l, "██")
		bar := strings.HasPrefix(l, "step") || strings.HasPrefix(l, "session")
		if len(r) > diagramColumn && strings.Contains(string(r[diagramColumn:]), "███") && !band && !bar {
			n++
		}
	}
	return n
}
