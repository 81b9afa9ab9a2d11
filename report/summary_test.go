package report

import (
	"strings"
	"testing"

	"knead/journal"
)

// The trend counts a change of 2 points, or 30 % of the first pain.
func TestTrend(t *testing.T) {
	t.Parallel()
	s := func(before, after int) journal.Session { return journal.Session{Baseline: before, Final: after} }
	for _, c := range []struct {
		sessions []journal.Session
		want     string
	}{
		{[]journal.Session{s(6, 5), s(4, 4)}, "better"},
		{[]journal.Session{s(3, 3), s(3, 2)}, "better"}, // 1 of 3 is 33 %
		{[]journal.Session{s(6, 6), s(6, 5)}, "about the same"},
		{[]journal.Session{s(3, 4), s(4, 5)}, "worse"},
		{[]journal.Session{s(-1, -1)}, ""},
	} {
		if got := Trend(c.sessions); !strings.HasPrefix(got, c.want) || (c.want == "" && got != "") {
			t.Errorf("%v: %q, want %q", c.sessions, got, c.want)
		}
	}
}

// A sparkline draws one point per rating and says the values in words.
func TestSparkline(t *testing.T) {
	t.Parallel()
	got := string(sparkline([]journal.Rating{{Pain: 3}, {Pain: 5}, {Pain: 2}}))
	if strings.Count(got, ",") != 3+2 || !strings.HasSuffix(got, "3 5 2") {
		t.Errorf("%s", got)
	}
}
