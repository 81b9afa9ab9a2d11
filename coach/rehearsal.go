package coach

import (
	"time"

	"knead/routines"
)

// Rehearsal plays a routine's steps and cues with nobody being massaged,
// for learning the sequence and its timing. It needs no screening because
// nothing is massaged, and it is a type of its own so that it can never be
// passed where a real session is expected (or recorded as one).
type Rehearsal struct {
	s *Session
}

// NewRehearsal prepares a rehearsal of r at full dose, on a clock that
// runs speed times faster than real time (see Scaled).
func NewRehearsal(r *routines.Routine, clock Clock, speed float64) *Rehearsal {
	s := &Session{clock: clock, routine: r, factor: 1, startedAt: clock.Now(), idx: -1, gap: time.Duration(float64(MaxGap) * max(speed, 1))}
	s.steps = append([]routines.Step(nil), r.Steps...)
	s.status = make([]stepStatus, len(r.Steps))
	return &Rehearsal{s: s}
}

// Handle applies an event, as Session.Handle does. With nobody massaged
// there is no pain to ask about and nothing to rest from: check-ins are
// answered with 0 and the rest is skipped, so the steps play one after the
// other.
func (r *Rehearsal) Handle(e Event) ([]Cue, error) {
	cues, err := r.s.Handle(e)
	for {
		var more []Cue
		switch r.s.phase {
		case CheckIn, FinalPain:
			more, _ = r.s.Handle(RateEvent(0))
		case Rest:
			more, _ = r.s.Handle(E(Next))
		default:
			return cues, err
		}
		cues = append(cues, more...)
	}
}

// State reads the rehearsal, as Session.State does.
func (r *Rehearsal) State() State { return r.s.State() }

// Summary reads the rehearsal's record, as Session.Summary does.
func (r *Rehearsal) Summary() Summary { return r.s.Summary() }

// Routine is the routine being rehearsed.
func (r *Rehearsal) Routine() *routines.Routine { return r.s.routine }

// scaledClock runs faster than its base clock.
type scaledClock struct {
	base  Clock
	start time.Time
	speed float64
}

// Scaled returns a clock that runs speed times faster than base from now on,
// for rehearsals: at speed 10 a two-minute step lasts twelve seconds.
func Scaled(base Clock, speed float64) Clock {
	if speed <= 0 {
		speed = 1
	}
	return &scaledClock{base: base, start: base.Now(), speed: speed}
}

func (c *scaledClock) Now() time.Time {
	real := c.base.Now().Sub(c.start)
	return c.start.Add(time.Duration(float64(real) * c.speed))
}

// Accepts reports whether Handle would take e now.
func (r *Rehearsal) Accepts(e Event) bool { return r.s.Accepts(e) }
