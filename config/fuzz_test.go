package config

import (
	"strings"
	"testing"
	"time"
)

// FuzzParseFile: no settings file makes knead panic or hang; it is read,
// or refused with a message naming the file.
func FuzzParseFile(f *testing.F) {
	for _, seed := range []string{
		"for: self\npartner: Anna\nbell: false\n", "sound: loud\n", "voice: [a, b]\n", "a: &a x\nb: *a\n",
		strings.Repeat("{", 40), "partner: \"\x1b]52;c;x\x07\"\n", "- x\n", "",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		c := Defaults()
		if err := c.parseFile("config.yaml", data); err != nil && !strings.Contains(err.Error(), "config.yaml") {
			t.Fatalf("an error that does not name the file: %v", err)
		}
		if strings.ContainsRune(c.Partner, 0x1b) {
			t.Fatalf("partner %q keeps an escape", c.Partner)
		}
		if took := time.Since(start); took > 2*time.Second {
			t.Fatalf("took %v on %d bytes", took, len(data))
		}
	})
}
