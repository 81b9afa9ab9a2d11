package sound

// queueCap bounds the cues waiting to play. A cue that has waited behind
// eight others is already too late to mean anything.
const queueCap = 8

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
func admit(queue []Cue, c Cue) []Cue {
	queue = append(queue, c)
	if len(queue) <= queueCap {
		return queue
	}
	victim := 0
	for i, q := range queue {
		if rank(q) < rank(queue[victim]) {
			victim = i
		}
	}
	return append(queue[:victim], queue[victim+1:]...)
}
