package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"knead/plain"
	"knead/screening"
)

// noAnswers answers every top-level question so that nothing limits the
// massage: n, or y to "has a doctor examined this pain?".
func noAnswers() []string {
	var lines []string
	for _, x := range screening.Default().ToAsk(nil) {
		lines = append(lines, clearValue(x)[:1])
	}
	return lines
}

// clearValue is x's answer that neither limits nor locks: no, or for a
// choice its first clear option.
func clearValue(x *screening.Question) string {
	if x.Type == screening.YesNo {
		return "no"
	}
	for _, o := range x.Options() {
		if o.Level == "" || o.Level == screening.Clear {
			return o.Value
		}
	}
	panic(x.ID)
}

func TestScreenAccessibleWithPipe(t *testing.T) {
	isolate(t)
	lines := noAnswers()
	// Answer the third question (fever) with nonsense first: it is re-asked.
	lines = append(lines[:2], append([]string{"perhaps"}, lines[2:]...)...)
	code, out, errOut := run(t, strings.Join(lines, "\n")+"\n", "screen", "--accessible", "--for", "self")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{plain.Disclaimer, "3 of 28. Do you have a fever", "answer with y (yes) or n (no)", "CLEAR", "Allowed routines: Lumbar self-massage (lumbar-self)"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Index(out, plain.Disclaimer) > strings.Index(out, "1 of ") {
		t.Error("disclaimer not shown before the first question")
	}
}

func TestScreenAccessibleEndsEarly(t *testing.T) {
	isolate(t)
	code, _, errOut := run(t, "n\nn\n", "screen", "--accessible", "--for", "self")
	if code != 1 || !strings.Contains(errOut, "question 3 was not answered: input ended") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
}

func TestScreenAccessibleAsksModeAndFollowUps(t *testing.T) {
	isolate(t)
	q := screening.Default()
	var lines []string
	lines = append(lines, "2")
	for _, x := range q.ToAsk(nil) {
		switch x.ID {
		case "hernia":
			lines = append(lines, "y", "b", "y", "y") // yes, back, yes again, approved
		default:
			lines = append(lines, clearValue(x)[:1])
		}
	}
	code, out, errOut := run(t, strings.Join(lines, "\n")+"\n", "screen", "--accessible")
	if code != 0 {
		t.Fatalf("exit %d: %s\n%s", code, errOut, out)
	}
	for _, want := range []string{"Does your partner have a herniated", "Has your partner's doctor approved massage for the hernia?", "GENTLE", "disc hernia (gentle)", "Allowed routines: Gentle back stroking (gentle-back)"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(out, "Do you have") {
		t.Error("self wording in partner mode")
	}
}

func writeAnswers(t *testing.T, content string) string {
	t.Helper()
	return writeFile(t, filepath.Join(t.TempDir(), "answers.yaml"), content)
}

func allNoYAML(extra map[string]string) string {
	var b strings.Builder
	for _, x := range screening.Default().ToAsk(nil) {
		v := clearValue(x)
		if e, ok := extra[x.ID]; ok {
			v = e
		}
		b.WriteString(x.ID + ": " + v + "\n")
	}
	for id, v := range extra {
		if !strings.Contains(b.String(), id+":") {
			b.WriteString(id + ": " + v + "\n")
		}
	}
	return b.String()
}

func TestScreenAnswersFileExitCodesAndJSON(t *testing.T) {
	isolate(t)
	cases := []struct {
		extra map[string]string
		code  int
		level string
	}{
		{nil, 0, "clear"},
		{map[string]string{"osteoporosis": "yes"}, 0, "gentle"},
		{map[string]string{"fever": "yes"}, screening.ExitStop, "stop"},
		{map[string]string{"saddle-bladder": "yes", "fever": "yes"}, screening.ExitUrgent, "urgent"},
		{map[string]string{"surgery": "yes", "surgery-days": "10", "surgery-approved": "yes"}, screening.ExitStop, "stop"},
		// The safer readings: pregnancy and unexamined pain stop.
		{map[string]string{"pregnant": "yes"}, screening.ExitStop, "stop"},
		{map[string]string{"pain-examined": "no"}, screening.ExitStop, "stop"},
		{map[string]string{"pain-examined": "no-pain"}, 0, "clear"},
		{map[string]string{"radiculitis": "yes"}, 0, "gentle"},
	}
	for _, tc := range cases {
		path := writeAnswers(t, allNoYAML(tc.extra))
		code, out, errOut := run(t, "", "screen", "--answers", path, "--json", "--for", "partner")
		if code != tc.code {
			t.Errorf("%v: exit %d, want %d (%s)", tc.extra, code, tc.code, errOut)
		}
		var got struct {
			Level   string `json:"level"`
			For     string `json:"for"`
			GivenAt string `json:"given_at"`
			Reasons []struct {
				Question, Explanation, Source string
			} `json:"reasons"`
			Advice  []string `json:"advice"`
			Allowed []string `json:"allowed_routines"`
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("%v: not JSON: %v\n%s", tc.extra, err, out)
		}
		if got.Level != tc.level || got.For != "partner" || got.GivenAt == "" || got.Advice == nil || got.Allowed == nil {
			t.Errorf("%v: %+v", tc.extra, got)
		}
		if tc.level != "clear" && (len(got.Reasons) == 0 || got.Reasons[0].Explanation == "") {
			t.Errorf("%v: no reasons: %+v", tc.extra, got)
		}
	}
}

func TestScreenAnswersFileErrors(t *testing.T) {
	isolate(t)
	cases := map[string]struct{ content, want string }{
		"unknown id":   {allNoYAML(map[string]string{"headache": "yes"}), "unknown question id headache"},
		"missing":      {strings.Replace(allNoYAML(nil), "fever: no\n", "", 1), "no answer to fever"},
		"malformed":    {"fever: [yes\n", "not a YAML or JSON map"},
		"bad value":    {strings.Replace(allNoYAML(nil), "fever: no", "fever: sometimes", 1), "fever needs yes or no, not sometimes"},
		"retired":      {allNoYAML(map[string]string{"undiagnosed-pain": "yes"}), "undiagnosed-pain was replaced by pain-examined"},
		"no approval":  {allNoYAML(map[string]string{"pregnant": "yes", "pregnancy-approved": "yes"}), "pregnancy-approved no longer exists"},
		"empty":        {"", "holds no answers"},
		"days not num": {allNoYAML(map[string]string{"surgery": "yes", "surgery-days": "yes", "surgery-approved": "yes"}), "surgery-days needs a whole number of days from 0 to 36500, not yes"},
	}
	for name, tc := range cases {
		code, _, errOut := run(t, "", "screen", "--answers", writeAnswers(t, tc.content))
		if code != 1 || !strings.Contains(errOut, tc.want) {
			t.Errorf("%s: exit %d, stderr %q, want %q", name, code, errOut, tc.want)
		}
	}
	if code, _, errOut := run(t, "", "screen", "--answers", "/nonexistent/a.yaml"); code != 1 || !strings.Contains(errOut, "no such file") {
		t.Errorf("missing file: %d %q", code, errOut)
	}
}

func TestScreenJSONAnswersFile(t *testing.T) {
	isolate(t)
	var pairs []string
	for _, x := range screening.Default().ToAsk(nil) {
		v := "false"
		if x.Type != screening.YesNo {
			v = `"` + clearValue(x) + `"`
		}
		pairs = append(pairs, `"`+x.ID+`": `+v)
	}
	path := writeAnswers(t, "{"+strings.Join(pairs, ", ")+"}")
	if code, _, errOut := run(t, "", "screen", "--answers", path); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
}

func TestScreenNeedsATerminalOrAccessible(t *testing.T) {
	isolate(t)
	code, _, errOut := run(t, "", "screen")
	if code != 1 || !strings.Contains(errOut, "--accessible") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if code, _, errOut := run(t, "", "screen", "--for", "dog", "--accessible"); code != 1 || !strings.Contains(errOut, "is not one of: self, partner") {
		t.Fatalf("bad --for: exit %d: %s", code, errOut)
	}
}

// --partner NAME alone screens the partner, as it does for knead start.
func TestScreenWithAPartnerNameScreensThePartner(t *testing.T) {
	isolate(t)
	path := writeAnswers(t, allNoYAML(nil))
	code, out, errOut := run(t, "", "screen", "--answers", path, "--partner", "Anna")
	if code != 0 || !strings.Contains(out, "for Anna") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
}
