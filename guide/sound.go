package guide

import (
	"knead/coach"
	"knead/sound"
)

// SoundOf is the sound that marks a cue, when it has one. The end of the
// massage (the rest begins) and the end of the session share the end
// sound; a pass ticks only when ticks are wanted.
func SoundOf(c coach.Cue, ticks bool) (sound.Cue, bool) {
	switch c.Kind {
	case coach.CueStepStart:
		return sound.StepStart, true
	case coach.CueSideSwitch:
		return sound.SideSwitch, true
	case coach.CueTenSeconds:
		return sound.TenSeconds, true
	case coach.CueStepEnd:
		return sound.StepEnd, true
	case coach.CueCheckIn:
		return sound.CheckIn, true
	case coach.CueEase:
		return sound.Ease, true
	case coach.CueStop:
		return sound.Stop, true
	case coach.CueSessionEnd:
		// An interrupted session did not end well: no closing arpeggio.
		return sound.SessionEnd, c.Text != string(coach.Interrupted)
	case coach.CueRestStart:
		return sound.SessionEnd, true
	case coach.CuePass:
		return sound.Tick, ticks
	}
	return 0, false
}

// Bells is how many terminal bells mark a reply without a sound player:
// the pattern of its most important cue.
func Bells(cues []coach.Cue) int {
	n := 0
	for _, c := range cues {
		if tone, ok := SoundOf(c, false); ok {
			n = max(n, tone.Bells())
		}
	}
	return n
}
