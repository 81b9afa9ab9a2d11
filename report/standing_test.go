package report

import (
	"testing"

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
