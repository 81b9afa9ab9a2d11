package practice

import (
	"slices"
	"strings"
	"testing"
	"time"

	"knead/routines"
)

var t0 = time.Date(2026, 11, 21, 10, 0, 0, 0, time.UTC)

// taps returns tap times separated by the given intervals in seconds.
func taps(intervals ...float64) []time.Time {
	out := []time.Time{t0}
	at := t0
	for _, s := range intervals {
		at = at.Add(time.Duration(s * float64(time.Second)))
		out = append(out, at)
	}
	return out
}

func TestMeasure(t *testing.T) {
	t.Parallel()
	st := Measure(taps(4, 4, 4, 4))
	if st.Passes != 5 || st.Mean != 4*time.Second || st.Spread != 0 || len(st.Intervals) != 4 {
		t.Fatalf("%+v", st)
	}
	st = Measure(taps(3, 5, 3, 5))
	if st.Mean != 4*time.Second || st.Spread != time.Second {
		t.Fatalf("uneven: %+v", st)
	}
	// The spread looks at the last ten intervals only.
	st = Measure(taps(1, 9, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6))
	if st.Spread != 0 || st.Passes != 13 {
		t.Fatalf("window: %+v", st)
	}
	if st := Measure(nil); st.Passes != 0 || st.Mean != 0 {
		t.Fatalf("no taps: %+v", st)
	}
}

func TestVerdict(t *testing.T) {
	t.Parallel()
	six := Target{Tempo: 6 * time.Second, Min: 6 * time.Second, Max: 6 * time.Second}
	sixFor15 := six
	sixFor15.Passes = &routines.Passes{Min: 15, Max: 20}
	cases := []struct {
		taps   []time.Time
		target Target
		want   string
	}{
		{taps(4.1, 4.1, 4.1), six, "too fast: 4.1 s per pass, target 6 s"},
		{taps(5, 5, 5), six, "a little fast: 5.0 s per pass, target 6 s"},
		{taps(6, 6.2, 5.8), six, "on tempo: 6.0 s per pass, target 6 s"},
		{taps(7, 7, 7), six, "a little slow: 7.0 s per pass, target 6 s"},
		{taps(4, 8, 4, 8), six, "on tempo, uneven: 6.0 s per pass, target 6 s"},
		{taps(2, 2, 2), Target{}, "even: 2.0 s per pass"},
		{taps(6), six, "too few passes"},
		{taps(6, 6, 6, 6, 6, 6, 6), sixFor15, "on tempo, but 8 passes of the 15–20 the step asks: 6.0 s per pass, target 6 s"},
		{taps(4, 4, 4), sixFor15, "too fast, and 4 passes of the 15–20 the step asks"},
		{taps(slices.Repeat([]float64{6}, 16)...), sixFor15, "on tempo: 6.0 s per pass"},
	}
	for _, tc := range cases {
		if got := Verdict(Measure(tc.taps), tc.target); !strings.HasPrefix(got, tc.want) {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}

func TestTargetFor(t *testing.T) {
	t.Parallel()
	own := TargetFor(routines.Step{Technique: routines.DeepStroking, Tempo: 6 * time.Second, Passes: &routines.Passes{Min: 15, Max: 20}})
	if own.Tempo != 6*time.Second || own.Passes.Max != 20 || own.Source != "the routine" {
		t.Errorf("own tempo: %+v", own)
	}
	stroke := TargetFor(routines.Step{Technique: routines.Stroking})
	if stroke.Min != 1200*time.Millisecond || stroke.Max != 1500*time.Millisecond || !strings.Contains(stroke.Source, "40-50") {
		t.Errorf("stroking: %+v", stroke)
	}
	if rub := TargetFor(routines.Step{Technique: routines.Rubbing}); rub.Min > time.Second || rub.Max < 850*time.Millisecond {
		t.Errorf("rubbing: %+v", rub)
	}
	if tap := TargetFor(routines.Step{Technique: routines.Tapping}); !tap.TooFastToTap || tap.Min != 100*time.Millisecond || tap.Max != 250*time.Millisecond {
		t.Errorf("tapping: %+v", tap)
	}
	if knead := TargetFor(routines.Step{Technique: routines.Kneading}); knead.Tempo != 0 {
		t.Errorf("kneading has no textbook rate here: %+v", knead)
	}
	if deep := TargetFor(routines.Step{Technique: routines.DeepStroking}); deep.Min <= stroke.Max {
		t.Errorf("deep stroking should be slower than light: %+v", deep)
	}
}

// Each pass is judged as it comes, with the words of the verdict.
func TestPace(t *testing.T) {
	t.Parallel()
	six := Target{Tempo: 6 * time.Second, Min: 6 * time.Second, Max: 6 * time.Second}
	for _, c := range []struct {
		d    float64
		want string
	}{{3, TooFast}, {5, LittleFast}, {6, OnTempo}, {6.5, OnTempo}, {7, LittleSlow}, {9, TooSlow}} {
		if got := Pace(time.Duration(c.d*float64(time.Second)), six); got != c.want {
			t.Errorf("%.1f s: %q, want %q", c.d, got, c.want)
		}
	}
	if got := Pace(6*time.Second, Target{}); got != "" {
		t.Errorf("no tempo: %q", got)
	}
}
