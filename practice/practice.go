// Package practice measures the rhythm of someone practising a technique:
// the time between taps (one tap per pass) against the step's tempo, the
// evenness of the rhythm, and a verdict. It is pure: times come in as
// values.
package practice

import (
	"fmt"
	"math"
	"time"

	"knead/routines"
)

// Target is the rhythm to aim for.
type Target struct {
	// Tempo is the time of one pass; zero when there is none to aim for.
	Tempo time.Duration
	// Min and Max bound an acceptable tempo from a default range; equal
	// to Tempo when the step sets its own.
	Min, Max time.Duration
	Passes   *routines.Passes
	// TooFastToTap is true for techniques such as tapping, whose rate
	// cannot be tapped on a key: the target is shown, not measured.
	TooFastToTap bool
	Source       string
}

// TargetFor is the rhythm for a step: its own tempo when it has one, else
// the default range of its technique, else none.
func TargetFor(s routines.Step) Target {
	t := Target{Passes: s.Passes}
	if s.Tempo > 0 {
		t.Tempo, t.Min, t.Max, t.Source = s.Tempo, s.Tempo, s.Tempo, "the routine"
		return t
	}
	r, ok := routines.DefaultRates[s.Technique]
	if !ok {
		return t
	}
	t.Source = r.Source
	if len(r.PerSecond) == 2 {
		t.TooFastToTap = true
		t.Min = time.Duration(float64(time.Second) / r.PerSecond[1])
		t.Max = time.Duration(float64(time.Second) / r.PerSecond[0])
		t.Tempo = (t.Min + t.Max) / 2
		return t
	}
	t.Min = time.Duration(float64(time.Minute) / r.PerMinute[1])
	t.Max = time.Duration(float64(time.Minute) / r.PerMinute[0])
	t.Tempo = (t.Min + t.Max) / 2
	return t
}

// Stats describe the taps so far.
type Stats struct {
	Passes    int             // taps
	Intervals []time.Duration // between consecutive taps
	Mean      time.Duration   // of all intervals
	// Spread is the standard deviation of the last ten intervals: the
	// smaller, the more even the rhythm.
	Spread time.Duration
}

// Window is how many recent intervals the spread looks at.
const Window = 10

// Measure computes the statistics of taps given in time order.
func Measure(taps []time.Time) Stats {
	st := Stats{Passes: len(taps)}
	for i := 1; i < len(taps); i++ {
		st.Intervals = append(st.Intervals, taps[i].Sub(taps[i-1]))
	}
	if len(st.Intervals) == 0 {
		return st
	}
	var sum time.Duration
	for _, d := range st.Intervals {
		sum += d
	}
	st.Mean = sum / time.Duration(len(st.Intervals))
	recent := st.Intervals[max(len(st.Intervals)-Window, 0):]
	var mean float64
	for _, d := range recent {
		mean += float64(d)
	}
	mean /= float64(len(recent))
	var variance float64
	for _, d := range recent {
		variance += (float64(d) - mean) * (float64(d) - mean)
	}
	st.Spread = time.Duration(math.Sqrt(variance / float64(len(recent))))
	return st
}

// Verdict is the one-line judgement of a practice run, such as "a little
// fast: 4.1 s per pass, target 6 s".
func Verdict(st Stats, t Target) string {
	if len(st.Intervals) < 2 {
		return "too few passes to judge: tap once at each pass"
	}
	per := fmt.Sprintf("%.1f s per pass", st.Mean.Seconds())
	even := ""
	if st.Mean > 0 && float64(st.Spread)/float64(st.Mean) > 0.15 {
		even = ", uneven"
	}
	if t.Tempo <= 0 || t.TooFastToTap {
		if even != "" {
			return "uneven: " + per
		}
		return "even: " + per
	}
	target := fmt.Sprintf("target %s", seconds(t.Tempo))
	if t.Min != t.Max {
		target = fmt.Sprintf("target %s to %s", seconds(t.Min), seconds(t.Max))
	}
	word := Pace(st.Mean, t)
	return fmt.Sprintf("%s%s%s: %s, %s", word, even, passesNote(st.Passes, t.Passes, word == OnTempo), per, target)
}

// The words Pace judges a time per pass with.
const (
	TooFast    = "too fast"
	LittleFast = "a little fast"
	OnTempo    = "on tempo"
	LittleSlow = "a little slow"
	TooSlow    = "too slow"
)

// Pace judges one time per pass, or an average, against the target: a
// tenth either side of the target's range is on tempo. It says nothing
// where there is no tempo to tap to.
func Pace(d time.Duration, t Target) string {
	if t.Tempo <= 0 || t.TooFastToTap || d <= 0 {
		return ""
	}
	lo, hi := float64(t.Min)*0.9, float64(t.Max)*1.1
	m := float64(d)
	switch {
	case m < lo*0.8:
		return TooFast
	case m < lo:
		return LittleFast
	case m > hi*1.25:
		return TooSlow
	case m > hi:
		return LittleSlow
	}
	return OnTempo
}

// passesNote says how the count of passes compares with the step's range:
// "" when it is within it or the step sets none.
func passesNote(passes int, want *routines.Passes, onTempo bool) string {
	if want == nil || (passes >= want.Min && passes <= want.Max) {
		return ""
	}
	join := ", and"
	if onTempo {
		join = ", but"
	}
	return fmt.Sprintf("%s %d passes of the %s the step asks", join, passes, want)
}

// seconds prints a duration as "6 s" or "1.3 s".
func seconds(d time.Duration) string {
	s := d.Seconds()
	if s == math.Trunc(s) {
		return fmt.Sprintf("%.0f s", s)
	}
	return fmt.Sprintf("%.1f s", s)
}
