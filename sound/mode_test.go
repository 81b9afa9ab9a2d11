package sound

import "testing"

func TestParseMode(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		want    Mode
		wantErr string
	}{
		{"tones", Tones, ""},
		{"bell", Bell, ""},
		{"off", Off, ""},
		{" Bell\n", Bell, ""},
		{"x", "", `sound must be tones, bell or off, not "x"`},
		{"", "", `sound must be tones, bell or off, not ""`},
		{"beep", "", `sound must be tones, bell or off, not "beep"`},
	}
	for _, tt := range tests {
		got, err := ParseMode(tt.in)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("ParseMode(%q): %v", tt.in, err)
		case tt.wantErr != "" && (err == nil || err.Error() != tt.wantErr):
			t.Errorf("ParseMode(%q) error = %v, want %q", tt.in, err, tt.wantErr)
		case got != tt.want:
			t.Errorf("ParseMode(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
