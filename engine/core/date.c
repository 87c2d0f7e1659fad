/* date.c - see date.h (days_from_civil after H. Hinnant's public-domain algorithm). */
#include "date.h"

#include <stdio.h>

static int leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_valid(bl_date d) {
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d.y < 1800 || d.y > 2200 || d.m < 1 || d.m > 12 || d.d < 1) return 0;
    int md = mdays[d.m - 1] + (d.m == 2 && leap(d.y));
    return d.d <= md;
}

long date_to_days(bl_date d) {
    int y = d.y - (d.m <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

bl_date date_from_days(long z) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    bl_date r;
    r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
    r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
    r.y = (int)(y + (r.m <= 2));
    return r;
}

int date_parse_iso(const char *s, bl_date *out) {
    bl_date d;
    char tail;
    if (sscanf(s, "%4d-%2d-%2d%c", &d.y, &d.m, &d.d, &tail) != 3) return -1;
    if (!date_valid(d)) return -1;
    *out = d;
    return 0;
}

void date_yymmdd(bl_date d, char out[7]) {
    unsigned v[3] = {(unsigned)(((d.y % 100) + 100) % 100), (unsigned)d.m % 100u,
                     (unsigned)d.d % 100u};
    for (int i = 0; i < 3; i++) {
        out[2 * i] = (char)('0' + v[i] / 10);
        out[2 * i + 1] = (char)('0' + v[i] % 10);
    }
    out[6] = '\0';
}

void date_display(bl_date d, char *out, unsigned cap) {
    static const char *mon[12] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                  "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    snprintf(out, cap, "%02d %s %04d", d.d % 100, mon[(d.m - 1) % 12], d.y % 10000);
}

bl_date date_add_years(bl_date d, int years) {
    d.y += years;
    if (d.m == 2 && d.d == 29 && !leap(d.y)) d.d = 28;
    return d;
}
