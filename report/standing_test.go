package report

import (
	"strings"
	"testing"
	"time"

	"knead/journal"
	"knead/screening"
)

// A standing answer is shown with its question as it was put: "yes" to
// "Has a doctor examined this back pain?" never reads as unexamined pain.
func TestStandingAnswersReadTheRightWayRound(t *testing.T) {
	q := screening.Default()
	for _, c := range []struct{ person, question string }{
		{journal.Me, "Has a doctor examined this back pain?"},
		{"Anna", "Has a doctor examined Anna's back pain?"},
	} {
		question, answer := asked(q, "pain-examined", "yes", c.person)
		if question != c.question || answer != "Yes" {
			t.Errorf("%s: %q %q", c.person, question, answer)
		}
	}
}

// Every stopped session is marked, also one with no pain after, and the
// line of pain after breaks where a session has none.
func TestChartMarksEveryStopAndBreaksAtGaps(t *testing.T) {
	sessions := []journal.Session{
		{Baseline: 4, Final: 3, Outcome: "completed"},
		{Baseline: 4, Final: -1, Outcome: "stopped", Ratings: []journal.Rating{{Pain: 4}, {Pain: 6}}},
		{Baseline: 3, Final: 2, Outcome: "completed"},
		{Baseline: 3, Final: 2, Outcome: "completed"},
	}
	svg := string(chart(sessions))
	if n := strings.Count(svg, `class="stop point"`); n != 1 {
		t.Errorf("%d stop marks, want 1:\n%s", n, svg)
	}
	if n := strings.Count(svg, `class="after"`); n != 1 {
		t.Errorf("the after line should join sessions 3 and 4 only:\n%s", svg)
	}
}

// A run of screenings with the same result is one row.
func TestScreeningsWithOneResultAreOneRow(t *testing.T) {
	day := time.Date(2026, 10, 1, 9, 0, 0, 0, time.Local)
	var in Input
	for i := range 3 {
		in.Screenings = append(in.Screenings, journal.ScreeningRecord{At: day.AddDate(0, 0, i), Level: "clear"})
	}
	in.Screenings = append(in.Screenings, journal.ScreeningRecord{At: day.AddDate(0, 0, 3), Level: "gentle", Reasons: []string{"osteoporosis"}})
	v := build(in)
	if len(v.Screenings) != 2 || v.Screenings[0].When != "1 Oct 2026 to 3 Oct 2026 (3 screenings)" {
		t.Fatalf("%+v", v.Screenings)
	}
}
