package cli

import (
	"strings"
	"testing"
	"time"

	"knead/screening"
)

// FuzzParseAnswers: no answers file makes knead panic, hang or grow
// without bound; it is read, or refused with a message.
func FuzzParseAnswers(f *testing.F) {
	for _, seed := range []string{
		"fever: no\nheart: no\n", `{"fever": "no", "surgery-days": 30}`, "fever: [yes]\n", "a: &a [x]\nb: *a\n",
		strings.Repeat("[", 40), "fever: \"\x1b[2J\"\n", "- 1\n- 2\n", "",
	} {
		f.Add([]byte(seed))
	}
	q := screening.Default()
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		answers, err := parseAnswers(q, "answers.yaml", data)
		if err == nil && answers == nil {
			t.Fatal("no answers and no error")
		}
		if took := time.Since(start); took > 2*time.Second {
			t.Fatalf("took %v on %d bytes", took, len(data))
		}
	})
}
