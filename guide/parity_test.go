package guide_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"knead/guide"
	"knead/internal/testkit"
	"knead/journal"
	"knead/plain"
	"knead/routines"
	"knead/screening"
	"knead/tui"
)

type fakeClock struct{ now time.Time }

func (c *fakeClock) Now() time.Time { return c.now }

var start = time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)

func library(t testing.TB) *routines.Library { return testkit.LibraryWithShort(t) }

// step is one answer of the script, as a line (plain) and a key (tui).
type step struct{ line, key string }

// script is a whole session: a clear screening, the checklist, the side,
// a mistyped pain before taken back, a skipped step, a rise of one that
// asks to ease the pressure, the check-ins, the rest skipped and the pain
// after.
func script() []step {
	var s []step
	for _, x := range screening.Default().ToAsk(nil) {
		k := testkit.ClearKey(x)
		s = append(s, step{k, k})
	}
	same := func(keys ...string) {
		for _, k := range keys {
			s = append(s, step{k, k})
		}
	}
	s = append(s, step{"", "enter"})
	same("l", "8", "u", "3")
	s = append(s, step{"", "enter"})
	same("n", "3", "4")
	s = append(s, step{"", "enter"})
	same("n", "3", "n", "3", "n", "2")
	return s
}

func openStore(t *testing.T) *journal.Store {
	t.Helper()
	store, _, err := journal.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return store
}

func options(t *testing.T, store *journal.Store) guide.Options {
	return guide.Options{Library: library(t), Questions: screening.Default(), Clock: &fakeClock{now: start},
		Mode: screening.Self, RoutineID: "short", SessionNumber: 3, Journal: store}
}

// record is what the journal holds of the one session, without ids.
func record(t *testing.T, store *journal.Store) (journal.Session, []journal.Event) {
	t.Helper()
	rows, err := store.Sessions(journal.Filter{})
	if err != nil || len(rows) != 1 {
		t.Fatalf("sessions %+v, err %v", rows, err)
	}
	x := rows[0]
	events, err := store.Events(x.ID)
	if err != nil {
		t.Fatal(err)
	}
	x.ID = 0
	return x, events
}

func squash(s string) string { return strings.Join(strings.Fields(s), "") }

// TestBothFacesAskAndRecordTheSame: the same answers through the plain
// face and the full screen ask the same questions, in the same words, and
// leave the same record and summary.
func TestBothFacesAskAndRecordTheSame(t *testing.T) {
	t.Parallel()
	sc := script()

	plainStore := openStore(t)
	pf, err := guide.New(options(t, plainStore))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, s := range sc {
		lines = append(lines, s.line)
	}
	var out strings.Builder
	code, err := plain.Drive(pf, strings.NewReader(strings.Join(lines, "\n")+"\n"), &out)
	if code != 0 || err != nil {
		t.Fatalf("plain: exit %d, err %v\n%s", code, err, out.String())
	}

	tuiStore := openStore(t)
	m := tui.New(options(t, tuiStore))
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 40})
	var screens strings.Builder
	for _, s := range sc {
		k := tea.KeyPressMsg{Code: []rune(s.key)[0], Text: s.key}
		if s.key == "enter" {
			k = tea.KeyPressMsg{Code: tea.KeyEnter}
		}
		screens.WriteString(ansi.Strip(m.View().Content) + "\n")
		m.Update(k)
	}
	screens.WriteString(ansi.Strip(m.View().Content))
	tf := m.Flow()

	if !reflect.DeepEqual(pf.Asked(), tf.Asked()) {
		t.Fatalf("the faces asked differently:\nplain %q\ntui   %q", pf.Asked(), tf.Asked())
	}
	for _, q := range pf.Asked() {
		if !strings.Contains(out.String(), q) {
			t.Errorf("plain never showed %q", q)
		}
		if !strings.Contains(squash(screens.String()), squash(q)) {
			t.Errorf("the full screen never showed %q", q)
		}
	}
	for _, want := range []string{"Pain before: 3.", "Pain 4 noted.", "Ease the pressure"} {
		if !strings.Contains(strings.Join(pf.Asked(), " ")+out.String(), want) {
			t.Errorf("plain lacks %q", want)
		}
	}
	if ps, ts := pf.Summary(), tf.Summary(); !reflect.DeepEqual(ps, ts) {
		t.Fatalf("summaries differ:\nplain %+v\ntui   %+v", ps, ts)
	}
	px, pe := record(t, plainStore)
	tx, te := record(t, tuiStore)
	if !reflect.DeepEqual(px, tx) {
		t.Fatalf("records differ:\nplain %+v\ntui   %+v", px, tx)
	}
	if !reflect.DeepEqual(pe, te) {
		t.Fatalf("events differ:\nplain %+v\ntui   %+v", pe, te)
	}
	if px.Outcome != "shortened" || px.Baseline != 3 || px.Final != 2 || px.StepsSkipped != 3 {
		t.Fatalf("record %+v", px)
	}
}
