package sound

import "time"

// queueCap bounds the cues waiting to play. A cue that has waited behind
// eight others is already too late to mean anything.
const queueCap = 8

// staleAfter is how long a cue may wait behind a slow or hung player and
// still be played: a step-start tone heard five seconds late, after the
// countdown has moved on, would only mislead. A stop is never stale.
const staleAfter = 2 * time.Second

// queued is a waiting cue and when it was asked for.
type queued struct {
	cue Cue
	at  time.Time
}

// stale reports whether q has waited too long to mean anything at now.
func (q queued) stale(now time.Time) bool {
	return rank(q.cue) < rank(Stop) && now.Sub(q.at) > staleAfter
}

// rank orders cues by how much it matters that they are heard: Stop must
// never be lost, ticks are only a pacing aid and go first.
func rank(c Cue) int {
	switch c {
	case Tick:
		return 0
	case Stop:
		return 2
	}
	return 1
}

// admit adds c to the waiting cues. When that makes too many, it drops the
// oldest cue of the lowest rank, counting c as the newest, so a Tick
// arriving at a full queue is the one dropped and a Stop displaces the
// oldest cue that matters less.
func admit(queue []queued, c queued) []queued {
	queue = append(queue, c)
	if len(queue) <= queueCap {
		return queue
	}
	victim := 0
	for i, q := range queue {
		if rank(q.cue) < rank(queue[victim].cue) {
			victim = i
		}
	}
	return append(queue[:victim], queue[victim+1:]...)
}
