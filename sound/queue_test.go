package sound

import (
	"slices"
	"testing"
)

func TestAdmit(t *testing.T) {
	t.Parallel()
	repeat := func(c Cue, n int) []Cue { return slices.Repeat([]Cue{c}, n) }
	tests := []struct {
		name  string
		queue []Cue
		add   Cue
		want  []Cue
	}{
		{"room left", []Cue{StepStart}, Tick, []Cue{StepStart, Tick}},
		{"oldest goes first", append([]Cue{StepStart}, repeat(Ease, 7)...), CheckIn,
			append(repeat(Ease, 7), CheckIn)},
		{"tick goes before anything", append(repeat(Ease, 4), append([]Cue{Tick}, repeat(Ease, 3)...)...), StepEnd,
			append(repeat(Ease, 7), StepEnd)},
		{"a new tick is dropped", repeat(Ease, 8), Tick, repeat(Ease, 8)},
		{"stop displaces a lesser cue", append([]Cue{Stop}, repeat(Ease, 7)...), Stop,
			append(append([]Cue{Stop}, repeat(Ease, 6)...), Stop)},
		{"a lesser cue never displaces stop", repeat(Stop, 8), StepStart, repeat(Stop, 8)},
		{"only stops: oldest goes", append([]Cue{Stop}, repeat(Stop, 7)...), Stop, repeat(Stop, 8)},
	}
	for _, tt := range tests {
		var queue []queued
		for _, c := range tt.queue {
			queue = append(queue, queued{cue: c})
		}
		var got []Cue
		for _, q := range admit(queue, queued{cue: tt.add}) {
			got = append(got, q.cue)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: admit(%v, %v) = %v, want %v", tt.name, tt.queue, tt.add, got, tt.want)
		}
	}
}
