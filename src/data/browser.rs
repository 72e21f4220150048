//! Reading a data file in the browser: the browser's own `JSON.parse` makes
//! the value, and this small serde `Deserializer` reads it into our types.
//! A struct's fields are looked up by their names in the type's own order
//! and handed over as a sequence, so the wasm carries none of serde's
//! field-name matching (serde-wasm-bindgen, which does it the map way, cost
//! 15 KB of brotli wasm more for our types).

use super::{Unreadable, DATA_VERSION};
use js_sys::{Array, Object, Reflect};
use serde::de::{self, DeserializeOwned, DeserializeSeed, Visitor};
use wasm_bindgen::{JsCast, JsValue};

/// A value back from a data file's JSON (`super::encode`), if it is of this
/// format's version.
pub fn decode<T: DeserializeOwned>(json: &[u8]) -> Result<T, Unreadable> {
    decode_text(std::str::from_utf8(json).map_err(|_| Unreadable::Damaged)?)
}

/// [`decode`] from the text a fetch or the page gave.
pub fn decode_text<T: DeserializeOwned>(json: &str) -> Result<T, Unreadable> {
    let value = js_sys::JSON::parse(json).map_err(|_| Unreadable::Damaged)?;
    let version = Reflect::get(&value, &"version".into()).ok().and_then(|v| v.as_f64());
    match version {
        Some(v) if v == f64::from(DATA_VERSION) => T::deserialize(Value(value)).map_err(|_| Unreadable::Damaged),
        Some(v) => Err(Unreadable::Version(Some(v as u32))),
        None => Err(Unreadable::Version(None)),
    }
}

/// Why a value could not be read (never shown: the file is "damaged").
#[derive(Debug)]
pub struct Error;

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("unreadable data")
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: std::fmt::Display>(_: T) -> Error {
        Error
    }
}

/// A parsed JSON value.
struct Value(JsValue);

impl Value {
    fn number(&self) -> Result<f64, Error> {
        self.0.as_f64().ok_or(Error)
    }

    /// A whole number within `0..=max`.
    fn whole(&self, max: f64) -> Result<u64, Error> {
        let n = self.number()?;
        if n.fract() == 0.0 && (0.0..=max).contains(&n) {
            Ok(n as u64)
        } else {
            Err(Error)
        }
    }
}

macro_rules! unsigned {
    ($($method:ident $t:ty),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            visitor.visit_u64(self.whole(<$t>::MAX as f64)?)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Value {
    type Error = Error;

    /// Only what a type that does not say its shape asks for: scalars and arrays.
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.0.is_null_or_undefined() {
            visitor.visit_unit()
        } else if let Some(b) = self.0.as_bool() {
            visitor.visit_bool(b)
        } else if let Some(n) = self.0.as_f64() {
            visitor.visit_f64(n)
        } else if let Some(s) = self.0.as_string() {
            visitor.visit_string(s)
        } else {
            self.deserialize_seq(visitor)
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_bool(self.0.as_bool().ok_or(Error)?)
    }

    unsigned!(deserialize_u8 u8, deserialize_u16 u16, deserialize_u32 u32, deserialize_u64 u64);

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let n = self.number()?;
        if n.fract() != 0.0 {
            return Err(Error);
        }
        visitor.visit_i64(n as i64)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_f64(self.number()?)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_string(self.0.as_string().ok_or(Error)?)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Error> {
        Err(Error)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Error> {
        Err(Error)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.0.is_null_or_undefined() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let items = self.0.dyn_into::<Array>().map_err(|_| Error)?;
        visitor.visit_seq(Items { items, at: 0 })
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    /// None of our data types is a map.
    fn deserialize_map<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Error> {
        Err(Error)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        if !self.0.is_object() || Array::is_array(&self.0) {
            return Err(Error);
        }
        visitor.visit_seq(Fields {
            object: self.0,
            fields,
            at: 0,
        })
    }

    /// `"search"` (a variant without data) or `{"page": {…}}`.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        if self.0.is_string() {
            return visitor.visit_enum(Variant {
                name: self.0,
                value: JsValue::UNDEFINED,
            });
        }
        let object = self.0.dyn_into::<Object>().map_err(|_| Error)?;
        let keys = Object::keys(&object);
        if keys.length() != 1 {
            return Err(Error);
        }
        let name = keys.get(0);
        let value = Reflect::get(&object, &name).map_err(|_| Error)?;
        visitor.visit_enum(Variant { name, value })
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
}

/// An array's items.
struct Items {
    items: Array,
    at: u32,
}

impl<'de> de::SeqAccess<'de> for Items {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        if self.at >= self.items.length() {
            return Ok(None);
        }
        self.at += 1;
        seed.deserialize(Value(self.items.get(self.at - 1))).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.items.length() - self.at) as usize)
    }
}

/// An object's fields, in the order the type declares them. A field the
/// object lacks is no element: serde then takes its default if it has one.
struct Fields {
    object: JsValue,
    fields: &'static [&'static str],
    at: usize,
}

impl<'de> de::SeqAccess<'de> for Fields {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        let Some(name) = self.fields.get(self.at) else {
            return Ok(None);
        };
        self.at += 1;
        let value = Reflect::get(&self.object, &JsValue::from_str(name)).map_err(|_| Error)?;
        if value.is_undefined() {
            return Ok(None);
        }
        seed.deserialize(Value(value)).map(Some)
    }
}

/// An enum's variant: its name, and its data (`undefined` for none).
struct Variant {
    name: JsValue,
    value: JsValue,
}

impl<'de> de::EnumAccess<'de> for Variant {
    type Error = Error;
    type Variant = Value;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Value), Error> {
        Ok((seed.deserialize(Value(self.name))?, Value(self.value)))
    }
}

impl<'de> de::VariantAccess<'de> for Value {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_seq(self, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(self, fields: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_struct(self, "", fields, visitor)
    }
}
