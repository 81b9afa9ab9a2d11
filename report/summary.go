package report

import (
	"fmt"

	"knead/journal"
)

// Trend is how the pain went over the period, from the first pain before
// to the last pain after a session that ended (an interrupted session's
// last rating was not taken after it): a change of 2 points or 30 % on
// the 0–10 scale counts, a smaller one is "about the same". Each end names
// its session's date, as the last session may have no pain after.
func Trend(sessions []journal.Session) string {
	first, last := -1, -1
	var firstAt, lastAt string
	for _, x := range sessions {
		if first < 0 && x.Baseline >= 0 {
			first, firstAt = x.Baseline, x.StartedAt.Local().Format("2 Jan")
		}
		if x.Final >= 0 && x.Outcome != journal.OutcomeInterrupted {
			last, lastAt = x.Final, x.StartedAt.Local().Format("2 Jan")
		}
	}
	if first < 0 || last < 0 {
		return ""
	}
	change := last - first
	counts := func(d int) bool { return d >= 2 || (first > 0 && float64(d) >= 0.3*float64(first)) }
	word := "about the same"
	switch {
	case counts(-change):
		word = "better"
	case counts(change):
		word = "worse"
	}
	return fmt.Sprintf("%s: pain %d before the first session (%s), %d after the session of %s", word, first, firstAt, last, lastAt)
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
