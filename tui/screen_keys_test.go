package tui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"knead/coach"
	"knead/journal"
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
		{"partner's name", func(t *testing.T) *Model {
			m := welcome(t)
			press(m, "2")
			return m
		}, screenWelcome, []string{"fill in the name", "esc "}},
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

// r in the history writes the doctor's report, one per person when the
// run has none yet, and says where.
func TestHistoryWritesAReport(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	store, _, err := journal.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	for _, name := range []string{"Anna", "Bo"} {
		p, _ := store.Person(name, screening.Partner)
		id, _ := store.StartSession(p.ID, "lumbar-partner", 8, 1, start.Add(-48*time.Hour))
		sum := coach.Summary{Baseline: 4, Final: 3, Outcome: coach.Completed, Active: 19 * time.Minute, StepsCompleted: 8, StepsPlanned: 8}
		if err := store.NewRecorder(id).Write(journal.Batch{Summary: sum, State: coach.State{Phase: coach.Done}}); err != nil {
			t.Fatal(err)
		}
	}
	m := New(Options{Library: library(t), Questions: screening.Default(), Clock: &fakeClock{now: start}, Journal: store})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m.Update(m.openHistory()())
	if !strings.Contains(screenText(m), "r: write a report") {
		t.Fatalf("history:\n%s", screenText(m))
	}
	_, cmd := m.Update(keyMsg("r"))
	m.Update(cmd())
	out := screenText(m)
	for _, name := range []string{"Anna", "Bo"} {
		if !strings.Contains(out, "Report for a doctor written: knead-report-"+name) {
			t.Errorf("no report for %s:\n%s", name, out)
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "knead-report-*.html"))
	if len(files) != 2 {
		t.Fatalf("files: %v", files)
	}
}

// Choosing "my partner" offers the partners of the history: tab fills a
// known name in, so the session is Anna's, not an unnamed partner's.
func TestWelcomeOffersKnownPartners(t *testing.T) {
	t.Parallel()
	store, _, err := journal.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	for _, name := range []string{"Bo", "Anna"} {
		p, _ := store.Person(name, screening.Partner)
		id, _ := store.StartSession(p.ID, "lumbar-partner", 8, 1, start.Add(-48*time.Hour))
		store.NewRecorder(id).Write(journal.Batch{Summary: coach.Summary{Baseline: 4, Final: 3, Outcome: coach.Completed}, State: coach.State{Phase: coach.Done}})
	}
	m := New(Options{Library: library(t), Questions: screening.Default(), Clock: &fakeClock{now: start}, Journal: store})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	press(m, "2")
	if out := screenText(m); !strings.Contains(out, "Known: Anna, Bo (tab fills the name in)") {
		t.Fatalf("welcome:\n%s", out)
	}
	press(m, "tab", "tab")
	if m.partnerName != "Bo" {
		t.Fatalf("tab twice: %q", m.partnerName)
	}
	press(m, "tab", "enter")
	if m.screen != screenScreening || !strings.Contains(screenText(m), "Does Anna") {
		t.Fatalf("after the name:\n%s", screenText(m))
	}
}
