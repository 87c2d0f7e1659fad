/* face.h - generated faces: document portraits, travelers at the counter, and
 * the pairs face comparison is taught with.
 *
 * No photographs of real people: every face is a parametric model drawn from a
 * seed. Its parameters are the components examiners compare in a morphological
 * facial comparison (FISWG, "Facial Image Comparison Feature List for
 * Morphological Analysis", version 2.0 2018.09.11; ASTM E3149): the face's
 * shape and proportions, the forehead and hairline, the eyebrows, the eyes,
 * the cheeks, the nose, the ears, the mouth, the chin and jaw, facial marks
 * and the skin; and what changes with time or by choice: hair, facial hair,
 * glasses, weight, age (lines, sagging, greying), expression, and at the
 * camera the pose and the light.
 *
 * Faces of either sex, of any age from a small child to old age, and of every
 * skin tone and hair type. Appearance profiles (skin tone range, hair type and
 * colour, iris colour, eyelid folds) vary how often a trait occurs; the
 * geometry of the face is drawn the same way for everyone, so no group is
 * drawn as a caricature.
 *
 * Rendering is a pure function of (parameters, pixel position / image size):
 * a shaded 2.5-D head (a height field of the head's outline and soft bumps for
 * brow, cheekbones, nose, lips and chin, lit by a key light with wrap-around
 * and a soft ambient term), skin texture, hair strands, eyes with iris and
 * catch light, soft shadows under the nose and chin, and anti-aliased edges
 * whose width follows the pixel, so the same face holds at 60 pixels and at
 * the loupe's 2400 dpi. Any window of a portrait is exactly those pixels of
 * the whole (face_render_window), at the window's cost.
 *
 * Pairs with a known truth (face_relate): the same person photographed again,
 * the same person years later, a look-alike, a sibling, a morph. Each reports
 * which features differ (face_diff, one owner of that fact), so scoring can
 * check whether the features a trainee cites are ones that differ.
 *
 * face_match_score simulates a face matcher's score distribution for the
 * automated gate. It is NOT an image-based recogniser: it compares the stable
 * parameters of two faces with capture noise, calibrated to behave like a
 * matcher at an operational threshold (see face_match_score).
 */
#ifndef BL_FACE_H
#define BL_FACE_H

#include <stdint.h>

/* ------------------------------------------------------------ features */

/* The features a comparison names, top of the head to the bottom (FISWG's
 * order), then those that change over time or by choice. Bit i of a feature
 * mask is feature i (FACE_BIT). */
typedef enum face_feature {
    FACE_FEAT_FACE_SHAPE, /* "face_shape": outline and proportions */
    FACE_FEAT_HAIRLINE,   /* "hairline": forehead height, hairline shape, widow's peak */
    FACE_FEAT_BROWS,      /* "brows": position, thickness, arch, slant, gap */
    FACE_FEAT_EYES,       /* "eyes": spacing, size, opening, slant, lids, iris colour */
    FACE_FEAT_CHEEKS,     /* "cheeks": cheekbones, fullness */
    FACE_FEAT_NOSE,       /* "nose": length, width, bridge, tip, nostrils */
    FACE_FEAT_EARS,       /* "ears": size, shape, protrusion, lobe free or attached */
    FACE_FEAT_MOUTH,      /* "mouth": width, lip thickness, cupid's bow, philtrum */
    FACE_FEAT_CHIN,       /* "chin": chin and jaw: width, shape, cleft */
    FACE_FEAT_MARKS,      /* "marks": moles, scars, birthmarks and where they are */
    FACE_FEAT_SKIN,       /* "skin": tone, undertone, freckles */
    /* changeable */
    FACE_FEAT_HAIR,       /* "hair": style, colour, length, greying, recession */
    FACE_FEAT_BEARD,      /* "beard": beard, moustache, stubble */
    FACE_FEAT_GLASSES,    /* "glasses" */
    FACE_FEAT_WEIGHT,     /* "weight" */
    FACE_FEAT_AGE,        /* "age": three years or more apart (lines, sagging) */
    FACE_FEAT_EXPRESSION, /* "expression" */
    FACE_FEAT_COUNT
} face_feature;

#define FACE_BIT(f) (1u << (f))
/* FACE_FEAT_FACE_SHAPE .. FACE_FEAT_SKIN: what does not change without surgery. */
#define FACE_STABLE_MASK ((1u << (FACE_FEAT_SKIN + 1)) - 1u)

/* The feature's name ("ears"), NULL out of range. */
const char *face_feature_name(face_feature f);
/* The feature of that name, -1 for none. */
int face_feature_from_name(const char *name);
/* 1 for the stable features (face shape .. skin), 0 for the changeable ones. */
int face_feature_stable(face_feature f);

/* ------------------------------------------------------------ the model */

enum { FACE_FEMALE = 0, FACE_MALE = 1 };

typedef enum face_hair_style {
    FACE_HAIR_SHORT = 0,  /* cropped or short, the ears free */
    FACE_HAIR_LONG = 1,   /* to the shoulders or past, over the ears */
    FACE_HAIR_BALD = 2,   /* shaved close, or bald */
    FACE_HAIR_SCARF = 3,  /* a headscarf covers the hair, ears and neck */
    FACE_HAIR_VOLUME = 4, /* full curls or coils standing out from the head */
    FACE_HAIR_TIED = 5,   /* pulled back (bun, ponytail), the ears free */
    FACE_HAIR_MEDIUM = 6, /* to the chin or the neck */
    FACE_HAIR_STYLES
} face_hair_style;

/* Natural hair type (stable): what the strands look like. */
enum { FACE_HAIR_STRAIGHT, FACE_HAIR_WAVY, FACE_HAIR_CURLY, FACE_HAIR_COILY };

typedef enum face_beard {
    FACE_BEARD_NONE = 0,
    FACE_BEARD_FULL = 1,      /* a short full beard with moustache */
    FACE_BEARD_STUBBLE = 2,   /* a few days' growth */
    FACE_BEARD_MOUSTACHE = 3, /* moustache only */
    FACE_BEARD_GOATEE = 4,    /* moustache and chin */
    FACE_BEARD_LONG = 5,      /* a full beard below the chin */
    FACE_BEARDS
} face_beard;

typedef enum face_glasses {
    FACE_GLASSES_NONE = 0,
    FACE_GLASSES_METAL = 1,   /* thin metal rims */
    FACE_GLASSES_PLASTIC = 2, /* thick plastic rims */
    FACE_GLASSES_KINDS
} face_glasses;

typedef enum face_mark_kind {
    FACE_MARK_NONE = 0,
    FACE_MARK_MOLE = 1,      /* a small dark raised spot */
    FACE_MARK_SCAR = 2,      /* a thin pale line */
    FACE_MARK_BIRTHMARK = 3, /* a faint irregular patch */
} face_mark_kind;

#define FACE_MAX_MARKS 4

/* A facial mark, placed on an adult's frontal face: x, y in face units (the
 * eye line's middle is 0,0; x to the viewer's right, y down; the head is
 * about 0.78 wide and 1.32 high); it moves with the face as it grows. */
typedef struct face_mark {
    int kind;        /* face_mark_kind */
    double x, y;     /* where */
    double size;     /* radius (mole, birthmark) or half-length (scar) */
    double angle;    /* a scar's direction, radians */
    double strength; /* 0..1 how visible (a morph halves each side's marks) */
} face_mark;

/* One person at one moment. Plain data: copy it, compare it, blend it.
 * The stable fields are the identity; the rest changes with time, choice and
 * the photograph. Lengths are face units (see face_mark). Ranges are what
 * face_from_seed draws; the renderer clamps what it is given. */
typedef struct face_params {
    /* identity */
    uint64_t seed; /* texture detail: skin pores, iris pattern, strand layout */
    int sex;       /* FACE_FEMALE or FACE_MALE */
    int profile;   /* the appearance profile drawn from (0..5): tone, hair, iris */
    /* face shape (FACE_FEAT_FACE_SHAPE) */
    double face_w;  /* half-width at the cheekbones, ~0.39 */
    double face_h;  /* eye line to chin, ~0.60 */
    double crown_h; /* eye line to crown, ~0.72 */
    double temple;  /* cranium width at the temples / face_w, ~1.03 */
    /* chin and jaw (FACE_FEAT_CHIN) */
    double jaw;        /* half-width at the jaw angle / face_w, 0.66..0.96 */
    double jaw_y;      /* height of the jaw angle / face_h, 0.6..0.8 */
    double chin_w;     /* chin half-width / face_w, 0.22..0.52 */
    double chin_shape; /* 0 pointed .. 1 square */
    double chin_cleft; /* 0 none .. 1 deep */
    /* cheeks (FACE_FEAT_CHEEKS) */
    double cheekbone;  /* prominence 0..1 */
    double cheek_full; /* fullness 0..1 (weight adds to it) */
    /* forehead and hairline (FACE_FEAT_HAIRLINE) */
    double forehead_h; /* hairline above the brows, ~0.30 */
    double hl_round;   /* 0 straight .. 1 rounded hairline */
    double hl_peak;    /* widow's peak 0..1 */
    /* brows (FACE_FEAT_BROWS) */
    double brow_y;     /* above the eye's centre, ~0.105 */
    double brow_thick; /* ~0.017 */
    double brow_arch;  /* height of the arch, 0..0.03 */
    double brow_peak;  /* where the arch peaks along the brow, 0.4..0.85 */
    double brow_tilt;  /* slant, radians, outer end up for > 0 */
    double brow_gap;   /* inner end's distance from the midline, ~0.06 */
    /* eyes (FACE_FEAT_EYES) */
    double eye_dx;     /* half the distance between the eyes' centres, ~0.165 */
    double eye_y;      /* vertical offset of the eye line, ~0 */
    double eye_w;      /* half the eye's width, ~0.078 */
    double eye_open;   /* opening height / width, 0.24..0.48 */
    double eye_tilt;   /* canthal tilt, radians, outer corner up for > 0 */
    double eye_fold;   /* epicanthic fold 0..1 */
    double eye_crease; /* visible upper-lid crease 0 (hooded, none) .. 1 */
    double iris_tone;  /* 0 dark brown, 0.3 brown, 0.5 hazel, 0.7 green, 1 blue */
    double iris_r;     /* iris radius / eye_w, ~0.5 */
    /* nose (FACE_FEAT_NOSE) */
    double nose_len;  /* eye line to the base of the nose, ~0.235 */
    double nose_w;    /* half-width of the nostrils' wings, ~0.088 */
    double bridge_w;  /* ~0.032 */
    double nose_hump; /* bridge profile -1 concave .. 1 convex */
    double tip_size;  /* ~0.032 */
    double tip_up;    /* -1 drooping .. 1 upturned (nostrils shown) */
    double nostril;   /* 0 slit .. 1 round */
    /* mouth (FACE_FEAT_MOUTH) */
    double mouth_w;    /* half-width, ~0.135 */
    double mouth_y;    /* base of the nose to the lips' meeting line, ~0.115 */
    double lip_up;     /* upper lip height, ~0.026 */
    double lip_lo;     /* lower lip height, ~0.034 */
    double lip_bow;    /* cupid's bow 0..1 */
    double philtrum_w; /* ~0.022 */
    double mouth_turn; /* corners -1 down .. 1 up, at rest */
    /* ears (FACE_FEAT_EARS) */
    double ear_h;     /* height, ~0.33 */
    double ear_out;   /* protrusion 0 flat .. 1 standing out */
    double ear_y;     /* top relative to the brow, ~0 */
    double ear_lobe;  /* 0 attached .. 1 free */
    double ear_lsize; /* lobe size 0..1 */
    double ear_top;   /* 0 rounded .. 1 angular top */
    double ear_helix; /* rim thickness 0..1 */
    /* marks (FACE_FEAT_MARKS) */
    int n_marks;
    face_mark marks[FACE_MAX_MARKS];
    /* skin (FACE_FEAT_SKIN) */
    double tone;      /* 0 very light .. 1 very dark */
    double undertone; /* -1 pink .. 1 golden/olive */
    double freckles;  /* 0..1 */
    /* changeable: hair (FACE_FEAT_HAIR) */
    int hair_style;    /* face_hair_style */
    int hair_type;     /* FACE_HAIR_STRAIGHT..COILY (natural, kept by relations) */
    double hair_tone;  /* 0 black .. 1 light blonde (natural colour) */
    double hair_red;   /* 0..1 red/auburn */
    double hair_len;   /* 0..1 within the style */
    double hair_vol;   /* 0..1 volume */
    double hair_part;  /* -1..1 parting, left .. right */
    double fringe;     /* 0 none .. 1 to the brows */
    double grey;       /* 0..1 share of grey hair (face_fit_age) */
    double recede;     /* 0..1 receding hairline and thinning crown (face_fit_age) */
    double grey_onset; /* age greying starts, 25..60 (the person's, kept) */
    double bald_tend;  /* 0..1 tendency to recede (the person's, kept) */
    /* changeable: the rest */
    int beard;               /* face_beard */
    int glasses;             /* face_glasses */
    double glasses_look;     /* 0..1 frame shape (round .. rectangular) and colour */
    int years;               /* age in years */
    double weight;           /* -1 thin .. 1 heavy */
    double expression;       /* 0 neutral .. 1 smiling */
    double yaw, pitch, roll; /* head pose, radians (a portrait: 0) */
    double shirt_tone;       /* 0..1 picks the clothes' colour */
    int shirt_kind;          /* 0 crew neck, 1 collared shirt, 2 jacket */
    double morph_ghost;      /* 0..1 double contours a morphing tool leaves */
} face_params;

/* Derives a face from a seed: sex, profile, age (18..70) and all the rest. */
void face_from_seed(uint64_t seed, face_params *p);

/* Redraws the sex-dependent traits (face shape, brows, jaw, hair style,
 * beard) for sex 'F' or 'M' (anything else: unchanged), from the face's own
 * seed: call it right after face_from_seed, before face_fit_age. */
void face_set_sex(face_params *p, char sex);

/* Makes a face `years` old: a child's proportions (larger cranium, smaller
 * lower face, larger eyes, short nose), then greying and receding hair, lines
 * and sagging as the person ages; no beard under 16, no bald children.
 * Stable features are kept (they are the adult's; the renderer grows them). */
void face_fit_age(face_params *p, int years);

/* Shifts a face by `amount` (0.1 subtle .. 1 a different person) with its own
 * seed: what an impostor's face is to the document photo. More stable
 * features are redrawn as `amount` grows; sex, profile and age are kept. */
void face_vary(face_params *p, uint64_t seed, double amount);

void face_set_beard(face_params *p, face_beard kind);     /* F: ignored */
void face_set_glasses(face_params *p, face_glasses kind); /* frame look from the seed */
void face_set_hair(face_params *p, face_hair_style style);

/* How far apart a and b are in feature f, in just-noticeable differences:
 * the largest of its parameters' differences, each over the amount a careful
 * side-by-side comparison resolves (about a fifth to a third of the
 * population's spread); a sex apart counts 3 for the face's shape; marks,
 * beard, glasses and a hair style count 1 when they differ; the age is in
 * steps of three years. >= 1: noticeable on close comparison. */
double face_feature_distance(const face_params *a, const face_params *b, face_feature f);

/* The features that differ noticeably between a and b, as a mask of
 * FACE_BIT(face_feature): those at a face_feature_distance of 1 or more (a
 * parameter by its just-noticeable amount, a mark added, removed, moved or
 * faded, the age three years or more apart). */
uint32_t face_diff(const face_params *a, const face_params *b);

/* ------------------------------------------------------------ relations */

typedef enum face_relation {
    FACE_REL_SAME,      /* photographed again: expression, pose, grooming, glasses may change */
    FACE_REL_AGED,      /* `years` later: lines, weight, greying, recession, beard, glasses */
    FACE_REL_LOOKALIKE, /* another person chosen to look alike: 2-4 stable features differ */
    FACE_REL_SIBLING,   /* about half the stable features shared; `years` the age gap */
    FACE_REL_MORPH,     /* base morphed 50:50 with a look-alike (face_morph) */
    FACE_REL_COUNT
} face_relation;

/* "same", "aged", "lookalike", "sibling", "morph"; NULL out of range. */
const char *face_relation_name(face_relation r);
/* The relation of that name, -1 for none. */
int face_relation_from_name(const char *name);

/* A face related to `base` by `rel`, drawn from `seed` (deterministic): fills
 * `out` and returns face_diff(base, out), the features that differ. SAME never
 * changes a stable feature, nor AGED (years > 0) an adult's; LOOKALIKE always
 * changes at least two stable features and keeps sex, profile, skin tone,
 * hair and age (within three years); SIBLING shares about half; MORPH's
 * differences are those of the blend. */
uint32_t face_relate(const face_params *base, face_relation rel, uint64_t seed, int years,
                     face_params *out);

/* A morph of a and b, as a morphed passport photo: alpha 0 is a, 1 is b. The
 * shape is blended, a mark of either shows faded, discrete traits come from
 * the nearer face, and the blend leaves double contours (morph_ghost).
 * Returns face_diff(a, out). */
uint32_t face_morph(const face_params *a, const face_params *b, double alpha, face_params *out);

/* ------------------------------------------------------------ rendering */

/* Draws the document portrait into an RGBA buffer (stride in bytes): ICAO
 * style, frontal, even light, plain light background, the head filling about
 * three quarters of the height. `gray` renders a neutral greyscale
 * (laser-engraved portraits and ghost images). The face's own pose and
 * expression are drawn as they are (a portrait's are 0). */
void face_render(const face_params *p, uint8_t *rgba, int w, int h, int stride, int gray);

/* Only the window (wx, wy, ww, wh) of that w x h portrait, into an ww x wh
 * buffer: exactly those pixels of face_render, at the cost of the window's
 * (the loupe's 2400 dpi region of a portrait). */
void face_render_window(const face_params *p, uint8_t *rgba, int w, int h, int wx, int wy, int ww,
                        int wh, int stride, int gray);

/* The regions a comparison zooms on. */
typedef enum face_region {
    FACE_REGION_EYES = 1, /* the eyes and brows */
    FACE_REGION_NOSE,
    FACE_REGION_MOUTH, /* the mouth and chin */
    FACE_REGION_EAR,   /* the ear on the picture's left */
} face_region;

/* Where a region lies in a w x h portrait of p as face_render draws it:
 * box = x, y, w, h in pixels. 0 when the region is not one. */
int face_region_box(const face_params *p, face_region region, int w, int h, double box[4]);
struct face_capture;
/* ... and in a w x h counter capture (face_render_camera's framing; the
 * head's slight turn is not followed). */
int face_region_box_camera(const face_params *p, const struct face_capture *cap, face_region region,
                           int w, int h, double box[4]);

/* How the counter camera sees the traveler. */
typedef struct face_capture {
    double light_az;   /* key light's direction: azimuth, radians (0 front, > 0 from the right) */
    double light_el;   /* elevation, radians (> 0 from above) */
    double light_kelv; /* colour temperature, 2700 warm .. 6500 daylight */
    double contrast;   /* key over ambient, 0.3 flat .. 1 hard */
    double yaw, pitch, roll; /* pose added to the face's own */
    double blur;             /* defocus and motion, in pixels of the output (0..4) */
    double noise;            /* sensor noise, standard deviation in 8-bit levels */
    int jpeg;                /* 0 none, else a JPEG-like quality 10..95 (8x8 blocks) */
    double exposure;         /* multiplier, ~0.8..1.2 */
    uint64_t seed;           /* the noise's */
} face_capture;

/* A plausible counter capture from a seed: overhead or side light, office
 * white balance, the camera a little above the eyes, some softness and noise,
 * often compressed. */
void face_capture_counter(uint64_t seed, face_capture *out);

/* The traveler as the counter camera sees them, w x h RGBA (whole image:
 * blur and compression work on neighbouring pixels). Background: the booth's
 * wall, not the studio backdrop. */
void face_render_camera(const face_params *p, const face_capture *cap, uint8_t *rgba, int w, int h,
                        int stride);

/* ------------------------------------------------------------ the matcher */

/* A SIMULATED face matcher's similarity score in 0..1 for the automated gate.
 * It compares the two faces' stable features (as they appear at their ages and
 * weights) in a weighted feature space, with noise drawn from capture_seed for
 * the two captures (more with pose, expression, glasses or beard changes, and
 * with the years between them). It reproduces a matcher's score distributions,
 * not its mechanism: it never looks at pixels. Calibrated (face_bench) so that
 * at face_match_threshold(): the same person, also up to ten years apart,
 * scores above it about 97% of the time; different people of the same sex
 * below it 999 times in 1000; look-alikes above it about a quarter of the
 * time; and a 50:50 morph of two look-alikes above it against both people
 * most of the time (which is why morphs are an attack on automated gates). */
double face_match_score(const face_params *a, const face_params *b, uint64_t capture_seed);
/* The gate's decision threshold: accept when the score is >= it. */
double face_match_threshold(void);

/* The matcher's figures on generated pairs (adults 18..70, both sexes). */
typedef struct face_bench_result {
    int n;                   /* pairs of each kind */
    double fnmr;             /* same person (SAME and AGED up to 10 years) below the threshold */
    double fmr;              /* different people (same sex) at or above it */
    double lookalike_accept; /* look-alikes at or above it */
    double morph_accept;     /* 50:50 morphs of look-alikes accepted against both people */
    double child_fnmr;       /* the same person at 8 and at 18..25 below it */
    double mean_same, mean_diff, mean_lookalike, mean_morph; /* mean scores */
    long comparisons;                                        /* face_match_score calls made */
} face_bench_result;

/* Runs the matcher on n pairs of each kind drawn from seed; fills *out. */
void face_bench(int n, uint64_t seed, face_bench_result *out);

#endif
