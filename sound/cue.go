// Package sound gives each moment of a session its own short tone, so a
// user lying on a mat with the screen out of reach can tell by ear what
// just happened. Tones are generated in memory as WAV files and played
// through the system's player program; where there is none, each cue says
// how many terminal bells stand in for it.
package sound

import "fmt"

// Cue is a moment that has its own sound.
type Cue uint8

// The cues, in the order of Cues.
const (
	StepStart  Cue = iota + 1 // a step begins
	SideSwitch                // turn over / switch to the other side
	TenSeconds                // ten seconds left in the step
	StepEnd                   // the step is over
	CheckIn                   // asks for a pain rating
	Ease                      // pain rose a little: ease the pressure
	Stop                      // stop now: must be unmistakable
	SessionEnd                // the whole session is over
	Tick                      // a soft tick on each tempo pass
)

// Cues lists every cue, in declaration order.
var Cues = []Cue{StepStart, SideSwitch, TenSeconds, StepEnd, CheckIn, Ease, Stop, SessionEnd, Tick}

var cueNames = map[Cue]string{
	StepStart:  "step start",
	SideSwitch: "side switch",
	TenSeconds: "ten seconds",
	StepEnd:    "step end",
	CheckIn:    "check-in",
	Ease:       "ease",
	Stop:       "stop",
	SessionEnd: "session end",
	Tick:       "tick",
}

// String names the cue in words, e.g. "side switch".
func (c Cue) String() string {
	if name, ok := cueNames[c]; ok {
		return name
	}
	return fmt.Sprintf("cue(%d)", uint8(c))
}

// Bells is how many terminal bells stand for the cue when no player
// exists. Only the cues a user must not miss get bells, each a different
// count so they can be told apart; the rest stay quiet rather than blur
// into one another.
func (c Cue) Bells() int {
	switch c {
	case StepStart:
		return 1
	case SideSwitch:
		return 2
	case TenSeconds:
		return 3
	case SessionEnd:
		return 4
	case Stop:
		return 5
	}
	return 0
}
