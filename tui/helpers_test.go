package tui

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"knead/coach"
	"knead/routines"
	"knead/screening"
)

var update = flag.Bool("update", false, "rewrite the golden files")

type fakeClock struct{ now time.Time }

func (c *fakeClock) Now() time.Time          { return c.now }
func (c *fakeClock) Advance(d time.Duration) { c.now = c.now.Add(d) }

var start = time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)

func library(t testing.TB) *routines.Library {
	t.Helper()
	lib, err := routines.BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// screenedTo returns the app for mode after a screening of the given
// level, sized w×h.
func screenedTo(t testing.TB, level screening.Level, opts Options, w, h int) *Model {
	t.Helper()
	opts.Library, opts.Questions, opts.Clock = library(t), screening.Default(), &fakeClock{now: start}
	m := New(opts)
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	screenWith(t, m, levelAnswers[level]...)
	if got := m.flow.Clearance().Level; got != level {
		t.Fatalf("screened to %s, want %s", got, level)
	}
	return m
}

// sessionModel returns the app running routine id at its first step,
// baseline pain 3, sized w×h.
func sessionModel(t testing.TB, id string, mode screening.Mode, w, h int) (*Model, *fakeClock) {
	t.Helper()
	clock := &fakeClock{now: start}
	lib := library(t)
	m := New(Options{Library: lib, Questions: screening.Default(), Clock: clock, Mode: mode, SessionNumber: 3, RoutineID: id})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	screenClear(t, m)
	if m.screen != screenSession {
		t.Fatalf("session did not start: screen %d %s %s", m.screen, m.notice, m.flow.Notice())
	}
	press(m, "enter", "l", "3", "enter")
	return m, clock
}

// screenClear answers the screening so that nothing limits the massage.
func screenClear(t testing.TB, m *Model) { screenWith(t, m) }

// levelAnswers are the yes answers that give each level.
var levelAnswers = map[screening.Level][]string{
	screening.Clear:  nil,
	screening.Gentle: {"hernia", "hernia-approved"},
	screening.Stop:   {"fever"},
	screening.Urgent: {"saddle-bladder"},
}

// screenWith answers the screening with yes to the questions given and,
// to every other, the answer that neither limits nor locks.
func screenWith(t testing.TB, m *Model, yes ...string) {
	t.Helper()
	for i := 0; m.screen == screenScreening && i < 100; i++ {
		walk := m.form.walk
		if walk.Confirming() {
			press(m, "n")
			continue
		}
		x := walk.Current()
		a := clearAnswerOf(x)
		for _, id := range yes {
			if id == x.ID {
				a = screening.Yes
			}
		}
		if x.Type == screening.Number {
			press(m, "3", "0", "enter")
			continue
		}
		for _, o := range x.Options() {
			if o.Value == a.String() {
				press(m, o.Key)
			}
		}
	}
}

// press sends keys the way a terminal does.
func press(m *Model, keys ...string) {
	for _, k := range keys {
		m.Update(keyMsg(k))
	}
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// screenText is the rendered screen without colour codes or trailing
// spaces.
func screenText(m *Model) string {
	lines := strings.Split(ansi.Strip(m.View().Content), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// golden compares got with testdata/NAME.golden, or rewrites it with
// -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./tui -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func state(m *Model) coach.State { return m.flow.State() }

// tick lets n seconds pass, one tick a second, as the program does.
func tick(m *Model, clock *fakeClock, n int) {
	for i := 0; i < n; i++ {
		clock.Advance(time.Second)
		m.Update(tickMsg{gen: m.tickGen})
	}
}
