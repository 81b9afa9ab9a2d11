package journal

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func days(n int) time.Duration { return time.Duration(n) * 24 * time.Hour }

func TestPlanCourse(t *testing.T) {
	t.Parallel()
	at := func(d int) Past { return Past{StartedAt: day.Add(days(d)), Baseline: 4, Final: 3} }
	cases := []struct {
		name       string
		past       []Past
		now        time.Time
		number, of int
		sinceLast  int
		next       time.Time
		advice     string
	}{
		{"first ever", nil, day, 1, 10, -1, time.Time{}, ""},
		{"fourth, daily", []Past{at(0), at(1), at(2)}, day.Add(days(3)), 4, 10, 1, day.Add(days(3)), ""},
		{"gap of 21 days continues", []Past{at(0), at(21)}, day.Add(days(42)), 3, 10, 21, day.Add(days(22)), ""},
		{"gap of 22 days starts a new course", []Past{at(0), at(1)}, day.Add(days(23)), 1, 10, 22, time.Time{}, ""},
		{"a new course after an old one", []Past{at(0), at(1), at(30), at(31)}, day.Add(days(32)), 3, 10, 1, day.Add(days(32)), ""},
		{"eleventh: of 15, every 2-3 days", pasts(10, at), day.Add(days(10)), 11, 15, 1, day.Add(days(11)), ""},
		{"sixteenth: take a break", pasts(15, at), day.Add(days(15)), 16, 15, 1, day.Add(days(16)), "take a break of several weeks"},
	}
	for _, tc := range cases {
		c := PlanCourse(tc.past, tc.now)
		if c.Number != tc.number || c.Of != tc.of || c.DaysSinceLast != tc.sinceLast || !c.SuggestedNext.Equal(tc.next) {
			t.Errorf("%s: %+v", tc.name, c)
		}
		if got := strings.Join(c.Advice, " "); (tc.advice == "") != (got == "") || !strings.Contains(got, tc.advice) {
			t.Errorf("%s: advice %q", tc.name, got)
		}
	}
}

func pasts(n int, at func(int) Past) []Past {
	var out []Past
	for i := 0; i < n; i++ {
		out = append(out, at(i))
	}
	return out
}

func TestWorseningPainAdvice(t *testing.T) {
	t.Parallel()
	p := func(d, before, after int) Past {
		return Past{StartedAt: day.Add(days(d)), Baseline: before, Final: after}
	}
	cases := []struct {
		past []Past
		want bool
	}{
		{[]Past{p(0, 3, 5), p(1, 3, 5), p(2, 3, 3)}, true},
		{[]Past{p(0, 3, 5), p(1, 3, 3), p(2, 2, 4)}, true},
		// The last session left more pain: the course pauses, with a doctor.
		{[]Past{p(0, 3, 5), p(1, 3, 3), p(2, 3, 3), p(3, 3, 5)}, true},
		{[]Past{p(0, 3, 5), p(1, 3, 3), p(2, 3, 5), p(3, 3, 3)}, false},
		{[]Past{p(0, 3, 4), p(1, 3, 4), p(2, 3, 4)}, false},
		{[]Past{p(0, 3, 6), p(1, 3, -1), p(2, 3, 3)}, false},
	}
	for i, tc := range cases {
		c := PlanCourse(tc.past, day.Add(days(5)))
		got := strings.Contains(strings.Join(c.Advice, " "), "see a doctor")
		if got != tc.want {
			t.Errorf("case %d: advice %v, want %v", i, c.Advice, tc.want)
		}
	}
}

func exportSample() []Session {
	loc := time.FixedZone("CET", 3600)
	return []Session{
		{ID: 1, Person: "me", Routine: "lumbar-self", StartedAt: time.Date(2026, 11, 2, 19, 5, 0, 0, loc), EndedAt: time.Date(2026, 11, 2, 19, 25, 0, 0, loc), Active: 6 * time.Minute, Baseline: 4, Final: 3, Outcome: "completed", StepsDone: 3, StepsPlanned: 3, CourseNumber: 1, Step: 3},
		{ID: 2, Person: "me", Routine: "lumbar-self", StartedAt: time.Date(2026, 11, 3, 19, 0, 0, 0, loc), Active: 150 * time.Second, Baseline: 4, Final: 6, Outcome: "stopped", StopReason: "pain rose from 4 to 6", StepsDone: 1, StepsPlanned: 3, CourseNumber: 2, Step: 2},
		{ID: 3, Person: "Ann, \"the partner\"", Routine: "back-classic", StartedAt: time.Date(2026, 11, 4, 8, 30, 0, 0, loc), Active: 61 * time.Second, Baseline: 2, Final: -1, Outcome: "interrupted", StepsDone: 0, StepsPlanned: 6, CourseNumber: 1, Step: 1},
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		os.MkdirAll("testdata", 0o755)
		os.WriteFile(path, got, 0o644)
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./journal -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs:\n%s\n--- want\n%s", name, got, want)
	}
}

func TestExportGoldens(t *testing.T) {
	t.Setenv("TZ", "UTC")
	var csvOut, jsonOut bytes.Buffer
	if err := WriteCSV(&csvOut, exportSample()); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSON(&jsonOut, exportSample()); err != nil {
		t.Fatal(err)
	}
	golden(t, "history.csv", csvOut.Bytes())
	golden(t, "history.json", jsonOut.Bytes())
	golden(t, "chart.txt", []byte(Chart(exportSample(), 80)))
}

// A person with no pain given yet gets a sentence, not an empty grid.
func TestChartWithoutPainSaysSo(t *testing.T) {
	quit := []Session{{Person: "Anna", Baseline: -1, Final: -1}, {Person: "Anna", Baseline: -1, Final: -1}}
	if got := Chart(quit, 80); got != "no pain ratings to chart yet\n" {
		t.Fatalf("got %q", got)
	}
}

// TestOnlyMassageCounts: a session quit before the first step does not
// take a place in the course.
func TestOnlyMassageCounts(t *testing.T) {
	t.Parallel()
	past := []Past{
		{StartedAt: day, Baseline: 3, Final: 2},
		{StartedAt: day.Add(days(1)), Baseline: -1, Final: -1, Unmassaged: true, Outcome: "ended"},
	}
	if c := PlanCourse(past, day.Add(days(1))); c.Number != 2 || c.Paused {
		t.Fatalf("%+v: want the second session, not paused", c)
	}
}

// TestABadSessionPausesTheCourse: no next session is suggested after a stop
// for pain, and the advice says what happened.
func TestABadSessionPausesTheCourse(t *testing.T) {
	t.Parallel()
	past := []Past{{StartedAt: day, Baseline: 3, Final: 5, Outcome: "stopped", StopReason: "pain rose from 3 to 5", PainStop: true}}
	c := PlanCourse(past, day.Add(days(1)))
	advice := strings.Join(c.Advice, " ")
	if !c.Paused || !c.SuggestedNext.IsZero() || !strings.Contains(advice, "stopped: pain rose from 3 to 5") || !strings.Contains(advice, "settled") {
		t.Fatalf("%+v", c)
	}
}
