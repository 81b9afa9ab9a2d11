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

func clearanceFor(level screening.Level, mode screening.Mode) screening.Clearance {
	c := screening.Clearance{Level: level, For: mode, GivenAt: start}
	if level == screening.Gentle {
		c.Reasons = []screening.Reason{{Question: "hernia-approved", Label: "disc hernia", Level: screening.Gentle}}
	}
	return c
}

// sessionModel returns the app running routine id at its first step,
// baseline pain 3, sized w×h.
func sessionModel(t testing.TB, id string, mode screening.Mode, w, h int) (*Model, *fakeClock) {
	t.Helper()
	clock := &fakeClock{now: start}
	lib := library(t)
	m := New(Options{Library: lib, Questions: screening.Default(), Clock: clock, Mode: mode, SessionNumber: 3})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	m.clearance = clearanceFor(screening.Clear, mode)
	r, _ := lib.Get(id)
	m.startSession(r)
	if m.screen != screenSession {
		t.Fatalf("session did not start: %s", m.notice)
	}
	press(m, "enter", "l", "3")
	return m, clock
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
		if err := os.MkdirAll("testdata", 0o755); err != nil {
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

func state(m *Model) coach.State { return m.engine.State() }

// tick lets n seconds pass, one tick a second, as the program does.
func tick(m *Model, clock *fakeClock, n int) {
	for i := 0; i < n; i++ {
		clock.Advance(time.Second)
		m.Update(tickMsg{gen: m.tickGen})
	}
}
