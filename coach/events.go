package coach

import (
	"fmt"
	"time"
)

// EventKind names what happened.
type EventKind uint8

// Possible EventKind values.
const (
	Tick EventKind = iota + 1
	Confirm
	ChooseSide
	Rate
	Warning
	Pause
	Resume
	Next
	Back
	Extend
	RequestStop
	Ack
	EndSession
	FinishGently
	ResumeStep
	RestartStep
	Quit
	// Interrupt ends the session because the program is being closed
	// (Ctrl-C, a closed terminal, a kill): it is recorded as interrupted.
	Interrupt
)

var eventNames = map[EventKind]string{
	Tick: "tick", Confirm: "confirm", ChooseSide: "side", Rate: "pain", Warning: "warning sign",
	Pause: "pause", Resume: "resume", Next: "next", Back: "back", Extend: "extend",
	RequestStop: "stop", Ack: "ack", EndSession: "end session", FinishGently: "finish gently",
	ResumeStep: "resume step", RestartStep: "restart step", Quit: "quit", Interrupt: "interrupt",
}

func (k EventKind) String() string {
	if n, ok := eventNames[k]; ok {
		return n
	}
	return fmt.Sprintf("event(%d)", k)
}

// Event is an input to the engine. Most are bare kinds; Rate carries the
// pain and ChooseSide the side.
type Event struct {
	Kind EventKind
	Pain int
	Side Side
}

// E is shorthand for an event without data.
func E(k EventKind) Event { return Event{Kind: k} }

// RateEvent reports pain on the 0–10 scale.
func RateEvent(pain int) Event { return Event{Kind: Rate, Pain: pain} }

// SideEvent answers which side hurts more.
func SideEvent(s Side) Event { return Event{Kind: ChooseSide, Side: s} }

func (e Event) String() string {
	switch e.Kind {
	case Rate:
		return fmt.Sprintf("pain %d", e.Pain)
	case ChooseSide:
		return "side " + string(e.Side)
	}
	return e.Kind.String()
}

// CueKind names a moment the app marks with a sound or words.
type CueKind uint8

// Possible CueKind values.
const (
	CueStepStart CueKind = iota + 1
	CueSideSwitch
	CueTenSeconds
	CuePass
	CueStepEnd
	// CueStepSkipped: the step was left before its end with Next.
	CueStepSkipped
	CueCheckIn
	CueEase
	CueStop
	CueGap
	CueRestStart
	CueRestEnd
	CueSessionEnd
)

var cueNames = map[CueKind]string{
	CueStepStart: "step start", CueSideSwitch: "switch sides", CueTenSeconds: "ten seconds",
	CuePass: "pass", CueStepEnd: "step end", CueStepSkipped: "step skipped", CueCheckIn: "check-in", CueEase: "ease the pressure",
	CueStop: "stop", CueGap: "time gap", CueRestStart: "rest start", CueRestEnd: "rest end",
	CueSessionEnd: "session end",
}

func (k CueKind) String() string {
	if n, ok := cueNames[k]; ok {
		return n
	}
	return fmt.Sprintf("cue(%d)", k)
}

// Cue is something the app should announce.
type Cue struct {
	Kind     CueKind
	Step     int // step index, -1 when not about a step
	Title    string
	Text     string // the how-to cue at a step start, the reason of a stop
	Duration int    // seconds, at a step or rest start
	Side     Side   // at a side switch or a step start: the side to work
	Pass     int    // at a pass: its number, from 1
	PassMin  int    // at a pass: the target range, when the step has one
	PassMax  int
}

// Record is one entry of the session's log: an event the engine accepted,
// or a cue it emitted, with the time it happened.
type Record struct {
	At    time.Time
	Event *Event
	Cue   *Cue
}
