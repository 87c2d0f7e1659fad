/* checks_gen.c - generated records for the database checks (see checks.h).
 *
 * Arabic names come with the romanisations their bearers' passports really
 * use (Egyptian MOHAMED, Gulf MOHAMMED, Maghrebi French MOHAMMED/ABDERRAHMANE,
 * UNGEGN MUHAMMAD...) and with their Arabic script; the other states' names
 * with their common spelling variants (ERIKSSON/ERICSSON). The people and the
 * states are fictional: the names are ordinary first names and family names.
 */
#include "checks.h"

#include <stdio.h>
#include <string.h>

#include "rng.h"

#define VARIANTS 5

typedef struct {
    const char *ar;              /* Arabic script, NULL: none */
    const char *latin[VARIANTS]; /* romanisations, the first the most common; NULL-ended */
} pool_name;

static const pool_name arab_male[] = {
    {"محمد", {"MOHAMED", "MUHAMMAD", "MOHAMMED", "MOHAMMAD", "MOHAMAD"}},
    {"أحمد", {"AHMED", "AHMAD"}},
    {"محمود", {"MAHMOUD", "MAHMUD", "MAHMOOD"}},
    {"عبد الرحمن", {"ABDEL RAHMAN", "ABDULRAHMAN", "ABDERRAHMANE", "ABD AL-RAHMAN"}},
    {"يوسف", {"YOUSSEF", "YUSUF", "YOUSEF", "YOUSIF"}},
    {"حسين", {"HUSSEIN", "HUSSAIN", "HUSAYN", "HOSSEIN"}},
    {"حسن", {"HASSAN", "HASAN"}},
    {"خالد", {"KHALED", "KHALID"}},
    {"عمر", {"OMAR", "UMAR"}},
    {"علي", {"ALI", "ALY"}},
    {"مصطفى", {"MUSTAFA", "MOSTAFA", "MOUSTAFA", "MUSTAPHA"}},
    {"إبراهيم", {"IBRAHIM", "EBRAHIM", "IBRAHEEM"}},
    {"عبد الله", {"ABDULLAH", "ABDALLAH", "ABDELLAH", "ABDULLA"}},
    {"صلاح الدين", {"SALAHEDDINE", "SALAH AL-DIN", "SALAHUDDIN"}},
    {"أبو بكر", {"ABUBAKR", "ABOU BAKR", "ABU BAKR"}},
    {"قاسم", {"QASIM", "KACEM", "KASSEM", "QASEM"}},
    {"غسان", {"GHASSAN", "GHASAN"}},
    {"جمال", {"JAMAL", "GAMAL", "DJAMAL"}},
    {"كمال", {"KAMAL"}},
    {"حمزة", {"HAMZA", "HAMZAH", "HAMZEH"}},
    {"أسامة", {"OSAMA", "USAMA", "OUSSAMA"}},
    {"سعيد", {"SAID", "SAEED", "SAEID"}},
    {"سعد", {"SAAD"}},
    {"طارق", {"TAREK", "TARIQ", "TAREQ", "TARIK"}},
    {"رشيد", {"RACHID", "RASHID", "RASHEED"}},
    {"كريم", {"KARIM", "KAREEM"}},
    {"ناصر", {"NASSER", "NASIR", "NACER"}},
    {"وليد", {"WALID", "WALEED", "OUALID"}},
    {"ياسر", {"YASSER", "YASIR"}},
    {"سمير", {"SAMIR", "SAMEER"}},
    {"هشام", {"HISHAM", "HICHAM", "HESHAM"}},
    {"عثمان", {"OTHMAN", "UTHMAN", "OTHMANE"}},
    {"عباس", {"ABBAS", "ABBES"}},
    {"جعفر", {"JAAFAR", "JAFAR"}},
    {"بلال", {"BILAL", "BELAL"}},
    {"إسماعيل", {"ISMAIL", "ISMAEL"}},
    {"سليمان", {"SULEIMAN", "SULAYMAN", "SOLIMAN"}},
    {"فيصل", {"FAISAL", "FAYSAL", "FEISAL"}},
    {"أنور", {"ANWAR", "ANOUAR"}},
    {"حامد", {"HAMID", "HAMED"}},
    {"أيمن", {"AYMAN", "AIMAN", "AYMEN"}},
    {"صالح", {"SALEH", "SALIH"}},
    {"عادل", {"ADEL", "ADIL"}},
    {"نبيل", {"NABIL", "NABEEL"}},
    {"زياد", {"ZIAD", "ZIYAD"}},
    {"ماجد", {"MAJED", "MAJID", "MAGED"}},
    {"فارس", {"FARES", "FARIS"}},
    {"منير", {"MOUNIR", "MUNIR"}},
    {"زكريا", {"ZAKARIA", "ZAKARIYA"}},
    {"يعقوب", {"YACOUB", "YAQUB", "YAKOUB"}},
};

static const pool_name arab_female[] = {
    {"فاطمة", {"FATIMA", "FATMA", "FATIMAH", "FATEMA"}},
    {"عائشة", {"AISHA", "AICHA", "AISHAH"}},
    {"خديجة", {"KHADIJA", "KHADIDJA", "KHADIJAH"}},
    {"زينب", {"ZAINAB", "ZEINAB", "ZAYNAB"}},
    {"مريم", {"MARIAM", "MARYAM", "MERIEM"}},
    {"ليلى", {"LEILA", "LAYLA", "LAILA"}},
    {"أمينة", {"AMINA", "AMINAH"}},
    {"سلمى", {"SALMA", "SELMA"}},
    {"هدى", {"HUDA", "HODA", "HOUDA"}},
    {"ياسمين", {"YASMINE", "YASMIN", "YASMEEN"}},
    {"نور", {"NOUR", "NUR", "NOOR"}},
    {"سميرة", {"SAMIRA", "SAMEERA"}},
    {"كريمة", {"KARIMA", "KAREEMA"}},
    {"نبيلة", {"NABILA", "NABEELA"}},
    {"فريدة", {"FARIDA", "FAREEDA"}},
    {"حنان", {"HANANE", "HANAN"}},
    {"إيمان", {"IMANE", "IMAN", "EMAN"}},
    {"رانيا", {"RANIA", "RANYA"}},
    {"سعاد", {"SOUAD", "SUAD"}},
    {"منى", {"MOUNA", "MONA", "MUNA"}},
};

static const pool_name arab_surname[] = {
    {"حداد", {"HADDAD", "HADAD"}},
    {"منصور", {"MANSOUR", "MANSUR", "MANSOOR"}},
    {"خليل", {"KHALIL", "KHALEEL"}},
    {"الخطيب", {"AL-KHATIB", "EL KHATIB", "ALKHATIB"}},
    {"السيد", {"EL-SAYED", "ELSAYED", "AL SAYYID"}},
    {"الشامي", {"AL-SHAMI", "EL-SHAMI", "ECH-CHAMI"}},
    {"العمراني", {"EL AMRANI", "AL-AMRANI", "ELAMRANI"}},
    {"يعقوبي", {"YACOUBI", "YAQUBI"}},
    {"شريف", {"CHERIF", "SHARIF", "SHERIF"}},
    {"عطية", {"ATTIA", "ATIYA"}},
    {"قاسمي", {"KASMI", "QASIMI", "KACEMI"}},
    {"حمدان", {"HAMDAN"}},
    {"الحسيني", {"EL HUSSEINI", "AL-HUSAYNI", "ELHOSSEINI"}},
    {"البغدادي", {"AL-BAGHDADI", "EL BAGHDADI"}},
    {"المصري", {"EL MASRY", "AL-MASRI", "ELMASRY"}},
    {"الحلبي", {"AL-HALABI", "EL HALABY"}},
    {"درويش", {"DARWISH", "DERWICHE", "DAROUICHE"}},
    {"بوزيد", {"BOUZID", "BUZAYD"}},
    {"الكبير", {"EL KEBIR", "AL-KABIR"}},
    {"جابر", {"JABER", "JABIR", "GABER"}},
    {"سلامة", {"SALAMA", "SALAMEH", "SALAMAH"}},
    {"نجار", {"NAJJAR", "NAGGAR", "NADJAR"}},
    {"عيسى", {"ISSA", "EISSA", "AISSA"}},
    {"موسى", {"MOUSSA", "MUSA", "MOUSA"}},
    {"يونس", {"YOUNES", "YOUNIS", "YUNUS"}},
    {"بكري", {"BAKRI", "BEKRI"}},
    {"الطيب", {"ETTAYEB", "AL-TAYYIB", "EL TAYEB"}},
    {"الزين", {"EL ZEIN", "AL-ZAIN"}},
    {"عثمان", {"OTHMAN", "UTHMAN"}},
    {"سليمان", {"SOLIMAN", "SULEIMAN"}},
    {"عبد الله", {"ABDALLAH", "ABDULLAH"}},
    {"إبراهيم", {"IBRAHIM", "BRAHIM"}},
    {"الهاشمي", {"EL HACHEMI", "AL-HASHIMI", "ELHASHEMI"}},
    {"القرشي", {"AL-QURASHI", "EL KORACHI"}},
};

static const pool_name other_male[] = {
    {NULL, {"ANDERS"}},
    {NULL, {"LUCAS", "LUKAS"}},
    {NULL, {"MATEO", "MATTEO"}},
    {NULL, {"PETER", "PEDER"}},
    {NULL, {"ERIK", "ERIC"}},
    {NULL, {"JOHAN", "JOHANN"}},
    {NULL, {"KRISTIAN", "CHRISTIAN"}},
    {NULL, {"MIKAEL", "MICHAEL"}},
    {NULL, {"STEFAN", "STEPHAN"}},
    {NULL, {"NIKOLAS", "NICOLAS"}},
    {NULL, {"OLIVER"}},
    {NULL, {"HENRIK", "HENRIC"}},
    {NULL, {"TOMAS", "THOMAS"}},
    {NULL, {"VIKTOR", "VICTOR"}},
    {NULL, {"LARS"}},
    {NULL, {"JONAS"}},
    {NULL, {"EMIL"}},
    {NULL, {"FELIX"}},
    {NULL, {"OSKAR", "OSCAR"}},
    {NULL, {"LEON"}},
    {NULL, {"MARTIN"}},
    {NULL, {"GUSTAV", "GUSTAF"}},
    {NULL, {"AXEL"}},
    {NULL, {"HUGO"}},
};

static const pool_name other_female[] = {
    {NULL, {"SOFIA", "SOPHIA"}},
    {NULL, {"INGRID"}},
    {NULL, {"CLAIRE"}},
    {NULL, {"ANNA"}},
    {NULL, {"MARIA"}},
    {NULL, {"KATARINA", "CATHARINA"}},
    {NULL, {"ELIN"}},
    {NULL, {"ASTRID"}},
    {NULL, {"LINNEA"}},
    {NULL, {"ELISE"}},
    {NULL, {"HELENA"}},
    {NULL, {"JOHANNA"}},
    {NULL, {"FREJA", "FREYA"}},
    {NULL, {"MAJA", "MAIA"}},
    {NULL, {"LENA"}},
    {NULL, {"NORA"}},
    {NULL, {"IDA"}},
    {NULL, {"EMMA"}},
    {NULL, {"JULIA"}},
    {NULL, {"SARA", "SARAH"}},
};

static const pool_name other_surname[] = {
    {NULL, {"HALVARSEN", "HALVORSEN"}},
    {NULL, {"MARENKO"}},
    {NULL, {"OLSTRAND"}},
    {NULL, {"VESSARI"}},
    {NULL, {"DUMONTEL"}},
    {NULL, {"KARAVIS"}},
    {NULL, {"LINDQVAR", "LINDKVAR"}},
    {NULL, {"ORSINEAU"}},
    {NULL, {"QUENNEVAL"}},
    {NULL, {"ERIKSSON", "ERIKSON", "ERICSSON"}},
    {NULL, {"NYGAARD", "NYGARD"}},
    {NULL, {"BJORKLUND", "BJOERKLUND"}},
    {NULL, {"SANDVIK"}},
    {NULL, {"HOLMBERG"}},
    {NULL, {"LUNDQVIST", "LUNDKVIST"}},
    {NULL, {"BERGSTROM", "BERGSTROEM"}},
    {NULL, {"DAHL"}},
    {NULL, {"FALK"}},
    {NULL, {"STRAND"}},
    {NULL, {"WESTERBERG"}},
    {NULL, {"KOVALENKO"}},
    {NULL, {"PETRESCU"}},
    {NULL, {"MORETTI"}},
    {NULL, {"VALMONT"}},
    {NULL, {"DESROCHES"}},
    {NULL, {"TAZRIT"}},
    {NULL, {"BELLOUNI"}},
    {NULL, {"SOLBERG"}},
    {NULL, {"AALTONEN"}},
    {NULL, {"VIRTANEN"}},
};

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

typedef struct {
    const pool_name *given, *surname;
    int ngiven, nsurname;
} pools;

static pools pools_for(const chk_gen_ids *ids) {
    pools p;
    if (ids->arab) {
        p.given = ids->female ? arab_female : arab_male;
        p.ngiven = ids->female ? COUNT(arab_female) : COUNT(arab_male);
        p.surname = arab_surname, p.nsurname = COUNT(arab_surname);
    } else {
        p.given = ids->female ? other_female : other_male;
        p.ngiven = ids->female ? COUNT(other_female) : COUNT(other_male);
        p.surname = other_surname, p.nsurname = COUNT(other_surname);
    }
    return p;
}

/* The father's name of an Arabic name is a man's name whatever the sex. */
static const pool_name *given2_pool(const chk_gen_ids *ids, int *n) {
    if (ids->arab) return *n = COUNT(arab_male), arab_male;
    return pools_for(ids).given == other_female ? (*n = COUNT(other_female), other_female)
                                                : (*n = COUNT(other_male), other_male);
}

void chk_gen_person(uint64_t seed, int arab, chk_gen_ids *ids) {
    rng r;
    rng_init(&r, rng_derive(seed, "chk person"));
    ids->arab = arab;
    ids->female = rng_below(&r, 100) < 45;
    pools p = pools_for(ids);
    ids->given = (int)rng_below(&r, (uint32_t)p.ngiven);
    ids->surname = (int)rng_below(&r, (uint32_t)p.nsurname);
    int n2;
    given2_pool(ids, &n2);
    ids->given2 = rng_below(&r, 100) < (arab ? 60 : 20) ? (int)rng_below(&r, (uint32_t)n2) : -1;
}

/* Spelling number `variant` of a pool name, part k of the name (each part
 * picks its own spelling). */
static const char *spell(const pool_name *pn, int variant, int k, int arabic) {
    if (arabic && pn->ar) return pn->ar;
    int nv = 0;
    while (nv < VARIANTS && pn->latin[nv])
        nv++;
    uint32_t h = (uint32_t)variant * 2654435761u + (uint32_t)k * 40503u;
    h ^= h >> 13;
    return pn->latin[(h % (uint32_t)nv + (uint32_t)nv) % (uint32_t)nv];
}

int chk_gen_names(const chk_gen_ids *ids, int variant, int arabic_script, const char *out[3]) {
    pools p = pools_for(ids);
    int n = 0;
    out[n++] = spell(&p.given[ids->given % p.ngiven], variant, 1, arabic_script);
    if (ids->given2 >= 0) {
        int n2;
        const pool_name *pool2 = given2_pool(ids, &n2);
        out[n++] = spell(&pool2[ids->given2 % n2], variant, 2, arabic_script);
    }
    out[n++] = spell(&p.surname[ids->surname % p.nsurname], variant, 0, arabic_script);
    return n;
}

void chk_gen_spell(const chk_gen_ids *ids, int variant, int arabic_script, char *surname,
                   size_t scap, char *given, size_t gcap) {
    const char *names[3];
    int n = chk_gen_names(ids, variant, arabic_script, names);
    snprintf(surname, scap, "%s", names[n - 1]);
    if (n == 3)
        snprintf(given, gcap, "%s %s", names[0], names[1]);
    else
        snprintf(given, gcap, "%s", names[0]);
}

static bl_date random_date(rng *r, int y0, int y1) {
    bl_date d = {y0 + (int)rng_below(r, (uint32_t)(y1 - y0 + 1)), 1 + (int)rng_below(r, 12),
                 1 + (int)rng_below(r, 28)};
    return d;
}

/* What a record of this list is about and what the officer is asked to do. */
static void pick_category(rng *r, chk_record *rec) {
    uint32_t u = rng_below(r, 100);
    switch (rec->list) {
    case CHK_SLTD:
        rec->category = u < 55 ? CHK_LOST : u < 90 ? CHK_STOLEN : CHK_REVOKED;
        rec->action = CHK_SEIZE;
        break;
    case CHK_WATCHLIST:
        rec->category = u < 45 ? CHK_WANTED : u < 85 ? CHK_MONITOR : CHK_MISSING_CHILD;
        break;
    default:
        rec->category = u < 35   ? CHK_WANTED
                        : u < 70 ? CHK_MONITOR
                        : u < 85 ? CHK_REVOKED
                                 : CHK_MISSING_CHILD;
        break;
    }
    if (rec->list == CHK_SLTD) return;
    switch (rec->category) {
    case CHK_WANTED:
        rec->action = rng_below(r, 100) < 85 ? CHK_HOLD_NOTIFY : CHK_REFER;
        break;
    case CHK_MONITOR:
        rec->action = CHK_RECORD_ONLY; /* the subject must not learn of it */
        break;
    case CHK_MISSING_CHILD:
        rec->action = CHK_REFER; /* to child protection */
        break;
    default:
        rec->action = CHK_SEIZE;
        break;
    }
}

void chk_gen_record(uint64_t seed, int i, chk_record *rec, chk_gen_ids *ids_out) {
    static const char *const states[] = {"QWH", "QNV", "UTO", "QMZ"};
    static const char *const tags[CHK_LISTS] = {"WL", "SLTD", "NAT"};
    rng r;
    rng_init(&r, rng_derive(seed, "chk record") ^ ((uint64_t)i * 0xD1B54A32D192ED03ull));
    memset(rec, 0, sizeof *rec);
    uint32_t u = rng_below(&r, 100);
    rec->list = u < 45 ? CHK_SLTD : u < 80 ? CHK_WATCHLIST : CHK_NATIONAL;
    pick_category(&r, rec);
    chk_gen_ids ids;
    int arab = rng_below(&r, 100) < 55;
    chk_gen_person(rng_u64(&r), arab, &ids);
    chk_gen_spell(&ids, (int)rng_below(&r, 1000), 0, rec->surname, sizeof rec->surname, rec->given,
                  sizeof rec->given);
    if (arab && rng_below(&r, 100) < 70)
        chk_gen_spell(&ids, 0, 1, rec->surname_ar, sizeof rec->surname_ar, rec->given_ar,
                      sizeof rec->given_ar);
    rec->sex = ids.female ? 'F' : 'M';
    if (rng_below(&r, 100) >= 10)
        rec->birth = rec->category == CHK_MISSING_CHILD ? random_date(&r, 2010, 2022)
                                                        : random_date(&r, 1950, 2008);
    const char *issuer = arab ? (rng_below(&r, 100) < 85 ? "QWH" : states[rng_below(&r, 4)])
                              : states[1 + rng_below(&r, 3)];
    if (rec->list == CHK_SLTD || rng_below(&r, 100) < 40) {
        snprintf(rec->doc_issuer, sizeof rec->doc_issuer, "%s", issuer);
        snprintf(rec->doc_number, sizeof rec->doc_number, "%c%c%07u", issuer[1], issuer[2],
                 (unsigned)rng_below(&r, 10000000));
    }
    snprintf(rec->reporting, sizeof rec->reporting, "%s",
             rng_below(&r, 100) < 80 ? issuer : states[rng_below(&r, 4)]);
    rec->reported = random_date(&r, 2015, 2026);
    rec->photo = rng_below(&r, 100) < 75 ? (rng_u64(&r) | 1) : 0;
    snprintf(rec->ref, sizeof rec->ref, "%s-%s-%04d-%05d", tags[rec->list], rec->reporting,
             rec->reported.y, i % 100000);
    if (ids_out) *ids_out = ids;
}
