// Package coach is the session engine: a pure, deterministic state machine
// that walks a routine step by step. It is driven by events and an injected
// clock, performs no I/O and imports no terminal package, so the terminal
// app, the journal and the tests all drive it the same way.
package coach

import (
	"fmt"
	"time"

	"knead/routines"
)

// Clock tells the engine the time. Production code passes SystemClock; tests
// pass a fake one they advance by hand.
type Clock interface {
	Now() time.Time
}

// SystemClock reads the machine's clock; its readings carry the monotonic
// clock, so deadlines are immune to wall-clock changes.
type SystemClock struct{}

// Now returns time.Now().
func (SystemClock) Now() time.Time { return time.Now() }

// Phase is where the session stands.
type Phase uint8

// Possible Phase values, in the order a session goes through them.
const (
	// Preparation shows the checklist and waits for Confirm.
	Preparation Phase = iota
	// PainfulSide waits for the side that hurts more.
	PainfulSide
	// Baseline waits for the pain rating before the first step.
	Baseline
	// Step is a timed step, running or paused.
	Step
	// CheckIn waits for a pain rating after a step.
	CheckIn
	// Rest is the timed aftercare rest.
	Rest
	// FinalPain waits for the pain rating after the rest.
	FinalPain
	// Done means the summary is ready.
	Done
)

var phaseNames = [...]string{"preparation", "painful side", "baseline pain", "step", "check-in", "rest", "final pain", "done"}

func (p Phase) String() string {
	if int(p) < len(phaseNames) {
		return phaseNames[p]
	}
	return fmt.Sprintf("phase(%d)", p)
}

// Prompt is a question that holds the session until it is answered.
type Prompt uint8

// Possible Prompt values.
const (
	NoPrompt Prompt = iota
	// EasePrompt asks to ease the pressure after a rise of 1; Ack closes it.
	EasePrompt
	// StopPrompt freezes the clock; only EndSession (or Quit) and, when
	// allowed, FinishGently lead on.
	StopPrompt
	// GapPrompt follows a clock jump (suspend, sleep); ResumeStep or
	// RestartStep lead on.
	GapPrompt
)

var promptNames = [...]string{"none", "ease the pressure", "stop", "time gap"}

func (p Prompt) String() string {
	if int(p) < len(promptNames) {
		return promptNames[p]
	}
	return fmt.Sprintf("prompt(%d)", p)
}

// Side is a side of the body.
type Side string

// Possible Side values. SideBoth and SideNone are answers to "which side
// hurts more", never a side being worked.
const (
	Left     Side = "left"
	Right    Side = "right"
	SideBoth Side = "both"
	SideNone Side = "none"
)

// opposite is the other side; seed 001: "find out which side it hurts more,
// and start massaging with the opposite".
func (s Side) opposite() Side {
	if s == Left {
		return Right
	}
	return Left
}

// Outcome is how a session ended.
type Outcome string

// Possible Outcome values.
const (
	// Completed: every step ran to its end (or was extended), then the
	// rest and the pain after.
	Completed Outcome = "completed"
	// Shortened: the session reached its end, but one or more steps were
	// skipped.
	Shortened   Outcome = "shortened"
	Stopped     Outcome = "stopped"     // by the pain rule, a warning sign or the user's stop
	EndedByUser Outcome = "ended"       // quit
	Interrupted Outcome = "interrupted" // Ctrl-C, a closed terminal, or a session that never ended
)

// Rating is one pain report on the 0–10 numeric rating scale.
type Rating struct {
	At    time.Time
	Pain  int
	Phase Phase
	Step  int // index of the step it was given in or after, -1 before the first
}

// Limits of the engine's rules.
const (
	// ExtendBy is what Extend adds to a step.
	ExtendBy = 30 * time.Second
	// MaxGap is the longest pause between two ticks that is not treated as
	// a suspend or sleep of the machine.
	MaxGap = 5 * time.Second
	// WarnBefore is when the "ten seconds left" cue sounds.
	WarnBefore = 10 * time.Second
	// MaxFinishGently bounds the gentle stroking that replaces the rest of
	// a stopped session.
	MaxFinishGently = 3 * time.Minute
	// MinFinishGently keeps that step long enough to follow.
	MinFinishGently = 30 * time.Second
	// BackRestarts is how far into a step Back starts it again rather
	// than going to the step before.
	BackRestarts = 5 * time.Second
	// SeverePain is the rating that always stops a session.
	SeverePain = 7
)

// DoseFactor is the share of each step's planned time given in the n-th
// session of a course: seed 002, "the first session should not be long; the
// duration is increased gradually".
func DoseFactor(sessionNumber int) float64 {
	switch {
	case sessionNumber <= 1:
		return 0.6
	case sessionNumber == 2:
		return 0.8
	}
	return 1
}

// dose scales a duration by the course factor, rounded to whole seconds.
func dose(d time.Duration, factor float64) time.Duration {
	secs := float64(d) * factor / float64(time.Second)
	return time.Duration(secs+0.5) * time.Second
}

// dosedStep is a step at a course dose: its time scaled, and its pass
// target scaled with it, never asking for more passes than the time allows
// at the step's tempo.
func dosedStep(st routines.Step, factor float64) routines.Step {
	st.Duration = dose(st.Duration, factor)
	if p := st.Passes; p != nil {
		scaled := routines.Passes{Min: scalePasses(p.Min, factor), Max: scalePasses(p.Max, factor)}
		if st.Tempo > 0 {
			fit := max(1, int(st.Duration/st.Tempo))
			scaled.Min, scaled.Max = min(scaled.Min, fit), min(scaled.Max, fit)
		}
		st.Passes = &scaled
	}
	return st
}

// scalePasses scales a pass count, rounded, at least one.
func scalePasses(n int, factor float64) int {
	return max(1, int(float64(n)*factor+0.5))
}

// gentleStep is the step that replaces the rest of a session after a stop
// when the user chooses to finish gently.
func gentleStep(area routines.Area, d time.Duration) routines.Step {
	zone := routines.ZoneBack
	if area == routines.AreaLumbar {
		zone = routines.ZoneLumbar
	}
	return routines.Step{
		Title:     "Gentle closing stroking",
		Technique: routines.Stroking,
		Zone:      zone,
		Duration:  d,
		Intensity: routines.Gentle,
		Cue:       "Only slow, light strokes with relaxed hands, no pressure. Stop at once if the pain rises again.",
	}
}
