package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"knead/screening"
)

// ? opens the key list on the screens around a session too, lists what
// works there, and any key closes it without doing anything else.
func TestQuestionMarkListsTheKeysOfEveryScreen(t *testing.T) {
	t.Parallel()
	welcome := func(t *testing.T) *Model {
		m := New(Options{Library: library(t), Questions: screening.Default(), Clock: &fakeClock{now: start}})
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		return m
	}
	cases := []struct {
		name   string
		open   func(t *testing.T) *Model
		screen screen
		want   []string
	}{
		{"welcome", welcome, screenWelcome, []string{"choose who is massaged", "h ", "q "}},
		{"picker", func(t *testing.T) *Model {
			return screenedTo(t, screening.Clear, Options{Mode: screening.Self}, 80, 24)
		}, screenPicker, []string{"choose a routine", "go on with it"}},
		{"result", func(t *testing.T) *Model {
			return screenedTo(t, screening.Stop, Options{Mode: screening.Self}, 80, 24)
		}, screenResult, []string{"close knead"}},
		{"history", func(t *testing.T) *Model {
			m := welcome(t)
			press(m, "h")
			return m
		}, screenHistory, []string{"scroll a page", "back"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := c.open(t)
			if m.screen != c.screen {
				t.Fatalf("screen %d, want %d", m.screen, c.screen)
			}
			before := screenText(m)
			if !strings.Contains(before, "? keys") {
				t.Errorf("the key line does not offer ?:\n%s", before)
			}
			press(m, "?")
			list := screenText(m)
			for _, want := range append(c.want, "Keys", "this list", "any key closes") {
				if !strings.Contains(list, want) {
					t.Errorf("key list lacks %q:\n%s", want, list)
				}
			}
			press(m, "q") // closes the list, and does not quit
			if m.screen != c.screen || screenText(m) != before {
				t.Errorf("after closing the list: screen %d\n%s", m.screen, screenText(m))
			}
		})
	}
}
