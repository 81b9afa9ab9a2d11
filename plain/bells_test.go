package plain

import (
	"strings"
	"testing"
	"time"
)

// Bells ring in the background, one at a time, between whole lines.
func TestBellsRingTheirCount(t *testing.T) {
	t.Parallel()
	var out syncBuffer
	p := NewPrompter(strings.NewReader(""), &out)
	began := time.Now()
	p.Bells(3)
	p.Say("a line")
	if time.Since(began) > 200*time.Millisecond {
		t.Fatal("Bells blocked")
	}
	deadline := time.Now().Add(5 * time.Second)
	for strings.Count(out.String(), "\a") < 3 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	got := out.String()
	if strings.Count(got, "\a") != 3 || !strings.Contains(got, "a line\n") {
		t.Fatalf("%q", got)
	}
}
