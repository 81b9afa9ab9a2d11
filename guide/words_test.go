package guide

import (
	"strings"
	"testing"
	"time"

	"knead/coach"
	"knead/routines"
	"knead/screening"
)

// The stop and ease prompts speak of the partner by name, and tell the
// person at the keys what to do with their hands.
func TestPromptsNameThePartner(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		mode             screening.Mode
		name             string
		stop, ease, full string
		notInFull        string
	}{
		{screening.Partner, "Anna", "STOP: Anna's pain rose from 3 to 5.", "Ease the pressure: Anna's pain went up from 3 to 4.", "or Anna feels numbness or tingling, Anna should see a doctor", "you feel"},
		{screening.Partner, "", "STOP: Your partner's pain rose from 3 to 5.", "Ease the pressure: your partner's pain went up from 3 to 4.", "or your partner feels numbness or tingling, they should see a doctor", "you feel"},
		{screening.Self, "", "STOP: pain rose from 3 to 5.", "Ease the pressure: the pain went up from 3 to 4.", "or you feel numbness or tingling, see a doctor", "partner"},
	} {
		f := screened(t, c.mode, c.name, nil, &testClock{now: testStart})
		for _, a := range []Action{Act(Continue), {Kind: ChooseSide, Side: coach.SideNone}, PainAction(3), Act(Continue), PainAction(4)} {
			f.Do(a)
		}
		if got := f.Question(); got != c.ease {
			t.Errorf("%s %q ease: %q", c.mode, c.name, got)
		}
		f.Do(Act(Continue))
		f.Do(PainAction(5))
		if got := f.Question(); got != c.stop {
			t.Errorf("%s %q stop: %q", c.mode, c.name, got)
		}
		full, _ := f.StopAdvice()
		if !strings.Contains(full, c.full) || strings.Contains(full, c.notInFull) {
			t.Errorf("%s %q advice: %q", c.mode, c.name, full)
		}
	}
}

// The routine of the last session with a person is offered first next
// time; an unnamed partner has none.
func TestLastRoutineIsRemembered(t *testing.T) {
	t.Parallel()
	store := openStore(t)
	clock := &testClock{now: testStart}
	lib, _ := routines.BuiltIn()
	atPicker := func(name string) *Flow {
		f, err := New(Options{Library: lib, Questions: screening.Default(), Clock: clock, Mode: screening.Partner, PartnerName: name, Journal: store})
		if err != nil {
			t.Fatal(err)
		}
		walkClear(t, f)
		if f.Stage() != Picker {
			t.Fatalf("stage %d", f.Stage())
		}
		return f
	}
	if got := atPicker("Anna").LastRoutine(); got != "" {
		t.Fatalf("before any session: %q", got)
	}
	f := screened(t, screening.Partner, "Anna", store, clock)
	must(t, f, Act(Continue), Action{Kind: ChooseSide, Side: coach.Left}, PainAction(3), Act(Continue))
	f.Do(Action{Kind: Interrupt, Status: 130})
	if got := atPicker("Anna").LastRoutine(); got != "lumbar-partner" {
		t.Fatalf("after a session: %q", got)
	}
	if got := atPicker("").LastRoutine(); got != "" {
		t.Fatalf("an unnamed partner: %q", got)
	}
}

// A name edited into the history with escape sequences reaches the
// welcome screen cleaned: nothing from the file acts on the terminal.
func TestWelcomeCleansNamesFromTheHistory(t *testing.T) {
	t.Parallel()
	name := "Eve\x1b]52;c;SGVsbG8=\x07\x1b[2J\u202ex\nknead: fake"
	store := courseJournal(t, name)
	lib, _ := routines.BuiltIn()
	f, err := New(Options{Library: lib, Questions: screening.Default(), Clock: &testClock{now: reportDay.Add(20 * 24 * time.Hour)}, Journal: store})
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	for _, p := range f.People() {
		text = append(text, p.Who, p.Text)
	}
	text = append(text, f.Partners()...)
	for _, s := range text {
		if strings.ContainsAny(s, "\x1b\x07\n\u202e") {
			t.Errorf("raw bytes reach the welcome: %q", s)
		}
	}
}
