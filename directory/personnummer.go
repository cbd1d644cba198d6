package directory

import "strings"

// FindPersonnummer returns the first Luhn-valid Swedish personal identity
// number or samordningsnummer in s: 10 digits (YYMMDDNNNC) or 12 digits
// (YYYYMMDDNNNC), written together or with "-", "+" or one space before
// the last four digits. The date must be plausible (month 01–12, day 01–31, or
// 61–91 for a samordningsnummer, which adds 60 to the day). A digit run
// that is part of a longer number does not count.
func FindPersonnummer(s string) (match string, ok bool) {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) || (i > 0 && isDigit(s[i-1])) {
			continue
		}
		if m, ok := personnummerAt(s, i); ok {
			return m, true
		}
	}
	return "", false
}

// RedactPersonnummer replaces every personnummer in s with
// "[personnummer]", e.g. before a message is logged.
func RedactPersonnummer(s string) string {
	for {
		m, ok := FindPersonnummer(s)
		if !ok {
			return s
		}
		s = strings.Replace(s, m, "[personnummer]", 1)
	}
}

// ContainsPersonnummer reports whether s holds a personnummer.
func ContainsPersonnummer(s string) bool { _, ok := FindPersonnummer(s); return ok }

// personnummerAt checks the candidate starting at s[i], a digit that
// follows no digit.
func personnummerAt(s string, i int) (string, bool) {
	for _, lead := range []int{6, 8} {
		j := i
		var d [12]byte
		n := 0
		for n < lead && j < len(s) && isDigit(s[j]) {
			d[n] = s[j] - '0'
			n++
			j++
		}
		if n != lead {
			continue
		}
		if j < len(s) && (s[j] == '-' || s[j] == '+' || s[j] == ' ') {
			j++
		}
		for n < lead+4 && j < len(s) && isDigit(s[j]) {
			d[n] = s[j] - '0'
			n++
			j++
		}
		if n != lead+4 || (j < len(s) && isDigit(s[j])) {
			continue
		}
		ten := d[lead-6 : lead+4]
		if lead == 8 {
			century := int(d[0])*10 + int(d[1])
			if century < 18 || century > 20 {
				continue
			}
		}
		if plausibleDate(ten) && luhn(ten) {
			return s[i:j], true
		}
	}
	return "", false
}

func plausibleDate(d []byte) bool {
	month := int(d[2])*10 + int(d[3])
	day := int(d[4])*10 + int(d[5])
	if day > 60 {
		day -= 60
	}
	return month >= 1 && month <= 12 && day >= 1 && day <= 31
}

// luhn checks the Luhn check digit of ten digits.
func luhn(d []byte) bool {
	sum := 0
	for k, v := range d {
		x := int(v)
		if k%2 == 0 {
			x *= 2
			if x > 9 {
				x -= 9
			}
		}
		sum += x
	}
	return sum%10 == 0
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
