package sound

import (
	"slices"
	"testing"
	"time"
)

func TestCueNames(t *testing.T) {
	t.Parallel()
	want := []string{"step start", "side switch", "ten seconds", "step end", "check-in", "ease", "stop", "session end", "tick"}
	if len(Cues) != len(want) {
		t.Fatalf("%d cues, want %d", len(Cues), len(want))
	}
	for i, c := range Cues {
		if c != Cue(i+1) || c.String() != want[i] {
			t.Errorf("Cues[%d] = %d %q, want %d %q", i, c, c, i+1, want[i])
		}
	}
	if got := Cue(0).String(); got != "cue(0)" {
		t.Errorf("Cue(0) = %q", got)
	}
}

func TestCueShapes(t *testing.T) {
	t.Parallel()
	for _, c := range Cues {
		notes := c.Notes()
		if len(notes) == 0 {
			t.Errorf("%v has no notes", c)
		}
		if d := c.Duration(); d <= 0 || d > time.Second {
			t.Errorf("%v lasts %v, want up to 1s", c, d)
		}
		if notes[0].Hz == 0 || notes[len(notes)-1].Hz == 0 {
			t.Errorf("%v starts or ends with a rest, which only delays it", c)
		}
	}
}

func TestCuesDiffer(t *testing.T) {
	t.Parallel()
	for i, a := range Cues {
		for _, b := range Cues[i+1:] {
			if slices.Equal(a.Notes(), b.Notes()) {
				t.Errorf("%v and %v have the same notes", a, b)
			}
		}
	}
}

// peak is the largest absolute sample of a cue's rendering.
func peak(c Cue) int {
	m := 0
	for _, v := range render(c) {
		m = max(m, abs(int(v)))
	}
	return m
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func TestStopStandsOut(t *testing.T) {
	t.Parallel()
	for _, c := range Cues {
		if c == Stop {
			continue
		}
		if peak(c) >= peak(Stop) {
			t.Errorf("%v peaks at %d, Stop at only %d", c, peak(c), peak(Stop))
		}
		// The session's closing flourish may linger; nothing else may
		// outlast the alarm.
		if c != SessionEnd && c.Duration() >= Stop.Duration() {
			t.Errorf("%v lasts %v, Stop only %v", c, c.Duration(), Stop.Duration())
		}
	}
}

func TestNotesIsACopy(t *testing.T) {
	t.Parallel()
	n := StepStart.Notes()
	n[0].Hz = 1
	if StepStart.Notes()[0].Hz == 1 {
		t.Fatal("changing the returned notes changed the cue")
	}
}

func TestBells(t *testing.T) {
	t.Parallel()
	want := map[Cue]int{StepStart: 1, SideSwitch: 2, TenSeconds: 3, SessionEnd: 4, Stop: 5}
	for _, c := range append([]Cue{0}, Cues...) {
		if got := c.Bells(); got != want[c] {
			t.Errorf("%v rings %d bells, want %d", c, got, want[c])
		}
	}
}
