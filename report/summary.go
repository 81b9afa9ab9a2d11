package report

import (
	"fmt"

	"knead/journal"
)

// Trend is how the pain went over the period, from the first pain before
// to the last pain after: a change of 2 points or 30 % on the 0–10 scale
// counts, a smaller one is "about the same".
func Trend(sessions []journal.Session) string {
	first, last := -1, -1
	for _, x := range sessions {
		if first < 0 && x.Baseline >= 0 {
			first = x.Baseline
		}
		if x.Final >= 0 {
			last = x.Final
		}
	}
	if first < 0 || last < 0 {
		return ""
	}
	change := last - first
	counts := func(d int) bool { return d >= 2 || (first > 0 && float64(d) >= 0.3*float64(first)) }
	switch {
	case counts(-change):
		return fmt.Sprintf("better: pain %d before the first session, %d after the last", first, last)
	case counts(change):
		return fmt.Sprintf("worse: pain %d before the first session, %d after the last", first, last)
	}
	return fmt.Sprintf("about the same: pain %d before the first session, %d after the last", first, last)
}

// summary is the report's opening in plain words: the trend and how
// many sessions stopped or were cut short.
func summary(sessions []journal.Session) []string {
	if len(sessions) == 0 {
		return []string{"No sessions in this period."}
	}
	var out []string
	if t := Trend(sessions); t != "" {
		out = append(out, "Trend: "+t+".")
	}
	stopped, interrupted := 0, 0
	for _, x := range sessions {
		switch x.Outcome {
		case "stopped":
			stopped++
		case journal.OutcomeInterrupted:
			interrupted++
		}
	}
	out = append(out, fmt.Sprintf("%s, %s stopped, %s interrupted.", count(len(sessions), "session"), count(stopped, "session"), count(interrupted, "session")))
	return out
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
