package sound

import "time"

// Note is one tone of a cue: Hz 0 is silence.
type Note struct {
	Hz  float64
	Len time.Duration
}

func ms(n int) time.Duration { return time.Duration(n) * time.Millisecond }

// melodies tell cues apart by contour, note count and length rather than
// by pitch alone, which few people can judge: rising means "begin" or
// "question", falling means "done", repetition means "attention".
var melodies = map[Cue][]Note{
	// Two rising notes: something begins.
	StepStart: {{660, ms(120)}, {880, ms(120)}},
	// High-low-high: back and forth, like turning over.
	SideSwitch: {{880, ms(110)}, {587, ms(110)}, {880, ms(110)}},
	// Three short identical high pips, like a countdown.
	TenSeconds: {{1175, ms(70)}, {0, ms(70)}, {1175, ms(70)}, {0, ms(70)}, {1175, ms(70)}},
	// Two falling notes, the second held: done.
	StepEnd: {{880, ms(150)}, {660, ms(200)}},
	// Three rising notes ending held, like a question.
	CheckIn: {{523, ms(120)}, {659, ms(120)}, {784, ms(200)}},
	// Two slow, calm repeated mid notes: soften.
	Ease: {{494, ms(300)}, {0, ms(100)}, {494, ms(300)}},
	// A low, loud, long two-tone alarm that no other cue resembles.
	Stop: {{440, ms(200)}, {330, ms(200)}, {440, ms(200)}, {330, ms(200)}},
	// A rising arpeggio resolving on a held octave: finished.
	SessionEnd: {{523, ms(120)}, {659, ms(120)}, {784, ms(120)}, {1047, ms(360)}},
	// One very short soft click, quiet enough to repeat every pass.
	Tick: {{1500, ms(25)}},
}

// gains are peak amplitudes as a fraction of full scale. Stop is the
// loudest so it cuts through; Tick is soft so it never startles.
var gains = map[Cue]float64{
	Stop: 0.9,
	Tick: 0.15,
}

const defaultGain = 0.55

func (c Cue) gain() float64 {
	if g, ok := gains[c]; ok {
		return g
	}
	return defaultGain
}

// Notes is the melody of the cue. The slice is a copy, so callers cannot
// change how a cue sounds for everyone else.
func (c Cue) Notes() []Note {
	return append([]Note(nil), melodies[c]...)
}

// Duration is how long the cue sounds: the sum of its notes.
func (c Cue) Duration() time.Duration {
	var d time.Duration
	for _, n := range melodies[c] {
		d += n.Len
	}
	return d
}
