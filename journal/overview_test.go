package journal

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"knead/coach"
	"knead/screening"
)

// The history of a course with two people: one table, then one chart per
// person with a legend and a label every fifth session, and each person's
// next session or the advice to wait.
func TestGoldenOverviewTwoPeople(t *testing.T) {
	local := time.Local
	time.Local = time.UTC // the golden's dates, wherever it runs
	defer func() { time.Local = local }()
	store, _, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	first := time.Date(2026, 10, 1, 18, 0, 0, 0, time.UTC)
	record := func(name string, mode screening.Mode, day, course, before, after int, outcome coach.Outcome) {
		t.Helper()
		p, err := store.Person(name, mode)
		if err != nil {
			t.Fatal(err)
		}
		at := first.Add(time.Duration(day) * 24 * time.Hour)
		id, err := store.StartSession(p.ID, "lumbar-partner", 8, course, at)
		if err != nil {
			t.Fatal(err)
		}
		sum := coach.Summary{Routine: "lumbar-partner", StartedAt: at, Baseline: before, Final: after, Outcome: outcome, Active: 19 * time.Minute, StepsCompleted: 8, StepsPlanned: 8}
		if outcome == coach.Stopped {
			sum.StopReason, sum.PainStop, sum.StepsCompleted = fmt.Sprintf("pain rose from %d to %d", before, after), true, 3
		}
		if err := store.NewRecorder(id).Write(journal(sum)); err != nil {
			t.Fatal(err)
		}
	}
	// Anna: twelve sessions, the pain falling from 6 to 2, one stop.
	annaPain := [][2]int{{6, 5}, {6, 5}, {5, 4}, {5, 4}, {5, 7}, {5, 4}, {4, 3}, {4, 3}, {4, 3}, {3, 2}, {3, 2}, {2, 2}}
	for i, p := range annaPain {
		outcome := coach.Completed
		if p[1] > p[0] {
			outcome = coach.Stopped
		}
		record("Anna", screening.Partner, i, i+1, p[0], p[1], outcome)
	}
	// Self: three sessions, worse each time.
	record("", screening.Self, 2, 1, 3, 3, coach.Completed)
	record("", screening.Self, 4, 2, 3, 4, coach.Completed)
	record("", screening.Self, 6, 3, 4, 5, coach.Completed)
	sessions, err := store.Sessions(Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	store.WriteOverview(&out, sessions, first.Add(13*24*time.Hour), 80)
	text := out.String()
	for _, want := range []string{"o before", "* after", "x after a stop", "next is session 13 of 15"} {
		if !strings.Contains(text, want) {
			t.Errorf("overview lacks %q", want)
		}
	}
	if n := strings.Count(text, "pain   o before"); n != 2 {
		t.Errorf("%d charts, want one per person", n)
	}
	golden(t, "overview-two-people.txt", []byte(text))
}

// journal is the batch that ends a session with sum.
func journal(sum coach.Summary) Batch {
	return Batch{Summary: sum, State: coach.State{Phase: coach.Done}}
}
