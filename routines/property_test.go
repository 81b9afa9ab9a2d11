package routines

import (
	"fmt"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// TestRandomRoutinesKeepTheRules writes random routine files from every
// technique, zone, intensity, audience and area, with cues that sometimes
// ask for fists, and checks that whatever the rules accept is safe: the
// invariants of checkInvariants hold, and a routine offered as gentle has
// only gentle techniques.
func TestRandomRoutinesKeepTheRules(t *testing.T) {
	t.Parallel()
	cues := []string{"Stroke lightly.", "Rub with loose fists.", "Press with your elbow.", "Glide slowly."}
	accepted := 0
	rapid.Check(t, func(t *rapid.T) {
		var b strings.Builder
		fmt.Fprintf(&b, "id: random\ntitle: Random\nfor: %s\narea: %s\nposition: Face down.\nsteps:\n",
			rapid.SampledFrom([]string{"self", "partner", "both"}).Draw(t, "for"),
			rapid.SampledFrom([]string{"back", "lumbar"}).Draw(t, "area"))
		n := rapid.IntRange(1, 5).Draw(t, "steps")
		for i := 0; i < n; i++ {
			tech := rapid.SampledFrom(techniqueNames).Draw(t, "technique")
			if i == 0 {
				tech = "stroking" // else nearly every routine fails the first-step rule
			}
			fmt.Fprintf(&b, "  - {title: Step %d, technique: %s, zone: %s, duration: %ds, intensity: %s, cue: %s",
				i+1, tech,
				rapid.SampledFrom(zoneNames).Draw(t, "zone"),
				rapid.IntRange(5, 300).Draw(t, "seconds"),
				rapid.SampledFrom([]string{"gentle", "moderate", "firm"}).Draw(t, "intensity"),
				rapid.SampledFrom(cues).Draw(t, "cue"))
			if rapid.Bool().Draw(t, "passes") {
				lo := rapid.IntRange(1, 40).Draw(t, "min")
				fmt.Fprintf(&b, ", passes: [%d, %d], tempo: %ds", lo, lo+5, rapid.IntRange(1, 8).Draw(t, "tempo"))
			}
			b.WriteString("}\n")
		}
		r, err := Parse("random.yaml", []byte(b.String()))
		if err != nil {
			return
		}
		accepted++
		checkInvariants(t, r)
	})
	t.Logf("%d random routines were valid", accepted)
	if accepted == 0 {
		t.Fatal("no random routine was valid: the generator tests nothing")
	}
}
