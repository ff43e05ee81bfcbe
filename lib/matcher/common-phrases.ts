/**
 * Ordinary phrases that contain a well-known name but do not mean its entity: "Turkey
 * breast" in a recipe, "China plates", "India Pale Ale". Keyed by the name as the
 * matcher folds it (lower case); each phrase contains that name and is matched as whole
 * words around it, like a pack's own `match.exclude` (compile.ts adds these to every
 * entity with that name; candidate-checks.ts applies them). Real uses stay matched:
 * "Turkey and Syria", "Turkey's president", "China's economy".
 *
 * Keep it short and certain: a phrase here hides the name on every page. A pack adds its
 * own with `match.exclude` (docs/pack-format.md).
 */
export const COMMON_PHRASES: ReadonlyMap<string, readonly string[]> = new Map([
  [
    'turkey',
    [
      // Food: cuts, dishes and leftovers.
      'turkey breast', 'turkey breasts', 'turkey leg', 'turkey legs', 'turkey thigh', 'turkey thighs',
      'turkey drumstick', 'turkey drumsticks', 'turkey wing', 'turkey wings', 'turkey neck', 'turkey giblets',
      'turkey crown', 'turkey mince', 'turkey meat', 'turkey slices', 'turkey bacon', 'turkey burger',
      'turkey burgers', 'turkey sandwich', 'turkey sandwiches', 'turkey club', 'turkey wrap', 'turkey wraps',
      'turkey chili', 'turkey meatballs', 'turkey meatloaf', 'turkey sausage', 'turkey sausages', 'turkey jerky',
      'turkey soup', 'turkey salad', 'turkey pot pie', 'turkey gravy', 'turkey stuffing', 'turkey stock',
      'turkey roast', 'turkey dinner', 'turkey dinners', 'turkey leftovers', 'turkey baster', 'turkey fryer',
      'roast turkey', 'roasted turkey', 'smoked turkey', 'stuffed turkey', 'whole turkey', 'ground turkey',
      'sliced turkey', 'leftover turkey', 'thanksgiving turkey', 'christmas turkey',
      // The bird, and the US holiday ("Turkey Day" is Thanksgiving; a "Turkey Trot" is its race).
      'turkey day', 'turkey trot', 'turkey hunting', 'turkey hunter', 'turkey hunters', 'turkey feathers',
      'turkey vulture', 'turkey vultures', 'turkey tail', 'wild turkey', 'cold turkey', 'turkey shoot',
    ],
  ],
  [
    'china',
    [
      'china plate', 'china plates', 'china cabinet', 'china cabinets', 'china closet', 'china hutch', 'china cup',
      'china cups', 'china saucer', 'china saucers', 'china bowl', 'china bowls', 'china teapot', 'china dishes',
      'china set', 'china tea set', 'china pattern', 'china doll', 'china dolls', 'china figurine', 'china figurines',
      'china shop', 'china clay', 'china syndrome', 'bone china', 'fine china', 'wedding china',
    ],
  ],
  ['india', ['india pale ale', 'india pale ales', 'india ink', 'india rubber', 'india paper']],
  ['jordan', ['jordan almond', 'jordan almonds', 'air jordan', 'air jordans', 'michael jordan']],
  [
    'chile',
    [
      'chile pepper', 'chile peppers', 'chile powder', 'chile flakes', 'chile oil', 'chile paste', 'chile sauce',
      'chile con carne', 'chile relleno', 'chile rellenos', 'chile verde', 'green chile', 'red chile', 'hatch chile',
      'ancho chile', 'chipotle chile',
    ],
  ],
  ['guinea', ['guinea pig', 'guinea pigs', 'guinea fowl', 'guinea hen', 'guinea worm']],
  ['panama', ['panama hat', 'panama hats']],
  ['brussels', ['brussels sprout', 'brussels sprouts', 'brussels griffon']],
  ['cayenne', ['cayenne pepper', 'cayenne peppers', 'cayenne powder']],
  ['madeira', ['madeira cake', 'madeira wine', 'madeira sauce']],
]);
